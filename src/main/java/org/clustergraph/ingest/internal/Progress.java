package org.clustergraph.ingest.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells the console how a long phase of a load goes: how much of it is done, at what
 * rate, and about how long is left. A line at most every {@code interval}, and one when
 * the phase ends.
 */
public final class Progress {

	/** The interval of the load's progress lines. */
	public static final Duration INTERVAL = Duration.ofSeconds(5);

	private final String phase;

	private final String unit;

	private final long total;

	private final LongSupplier nanoClock;

	private final long interval;

	private final Consumer<String> out;

	private final long started;

	private long lastReport;

	private long done;

	/**
	 * Starts a phase.
	 * @param phase what is done, as the lines name it
	 * @param unit what is counted
	 * @param total how many there are
	 * @param interval the least time between two lines before the end
	 * @param nanoClock the time, in nanoseconds
	 * @param out where the lines go
	 */
	public Progress(String phase, String unit, long total, Duration interval, LongSupplier nanoClock,
			Consumer<String> out) {
		this.phase = phase;
		this.unit = unit;
		this.total = total;
		this.nanoClock = nanoClock;
		this.interval = interval.toNanos();
		this.out = out;
		this.started = nanoClock.getAsLong();
		this.lastReport = this.started;
	}

	/**
	 * Counts work done, and reports when the interval has passed since the last report.
	 * @param count how many more units are done
	 */
	public void advance(long count) {
		this.done += count;
		long now = this.nanoClock.getAsLong();
		if (now - this.lastReport >= this.interval && this.done < this.total) {
			this.lastReport = now;
			double rate = rate(now);
			long left = (rate > 0) ? Math.round((this.total - this.done) / rate) : -1;
			this.out.accept(String.format(Locale.ROOT, "%s: %,d of %,d %s (%.0f%%), %,.0f %s/s, about %s left",
					this.phase, this.done, this.total, this.unit, 100.0 * this.done / this.total, rate, this.unit,
					(left >= 0) ? duration(left) : "an unknown time"));
		}
	}

	/**
	 * Reports the end of the phase.
	 */
	public void finish() {
		long now = this.nanoClock.getAsLong();
		this.out.accept(String.format(Locale.ROOT, "%s: %,d %s in %s (%,.0f %s/s)", this.phase, this.done, this.unit,
				duration(Math.round((now - this.started) / 1e9)), rate(now), this.unit));
	}

	private double rate(long now) {
		double seconds = (now - this.started) / 1e9;
		return (seconds > 0) ? this.done / seconds : 0;
	}

	private static String duration(long seconds) {
		if (seconds < 60) {
			return seconds + " s";
		}
		return (seconds / 60) + " min " + (seconds % 60) + " s";
	}

}
