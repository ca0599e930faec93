package org.clustergraph.api;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;

/**
 * One kind of warning, logged at most once an interval. During an outage, or a burst of
 * heavy requests, every field fails the same way: the log says so once, then how many
 * more there were, instead of a line per field.
 */
final class ThrottledWarning {

	private final Logger logger;

	private final long intervalNanos;

	private final AtomicLong next = new AtomicLong(System.nanoTime());

	private final LongAdder unwarned = new LongAdder();

	ThrottledWarning(Logger logger, Duration interval) {
		this.logger = logger;
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * Logs the warning unless one of this kind was logged within the interval, in which
	 * case it is only counted; the next one logged says how many were not.
	 * @param message the message, with SLF4J's placeholders
	 * @param arguments the placeholders' values
	 * @return whether it was logged
	 */
	boolean warn(String message, Object... arguments) {
		long now = System.nanoTime();
		long due = this.next.get();
		if (now - due >= 0 && this.next.compareAndSet(due, now + this.intervalNanos)) {
			long more = this.unwarned.sumThenReset();
			this.logger.warn((more != 0) ? message + " (" + more + " more since the last such warning)" : message,
					arguments);
			return true;
		}
		this.unwarned.increment();
		return false;
	}

}
