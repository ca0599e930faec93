package org.clustergraph.ingest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void tellsCountRateAndTimeLeftAtMostOncePerIntervalThenTheTotal() {
		AtomicLong now = new AtomicLong(0);
		List<String> lines = new ArrayList<>();
		Progress progress = new Progress("Staging", "listings", 10_000, Duration.ofSeconds(5), now::get, lines::add);
		now.set(2 * SECOND);
		progress.advance(1_000);
		assertThat(lines).as("before the interval").isEmpty();
		now.set(5 * SECOND);
		progress.advance(1_500);
		now.set(6 * SECOND);
		progress.advance(500);
		assertThat(lines).containsExactly("Staging: 2,500 of 10,000 listings (25%), 500 listings/s, about 15 s left");
		now.set(10 * SECOND);
		progress.advance(1_000);
		now.set(100 * SECOND);
		progress.advance(6_000);
		progress.finish();
		assertThat(lines).hasSize(3)
			.element(1)
			.isEqualTo("Staging: 4,000 of 10,000 listings (40%), 400 listings/s, about 15 s left");
		assertThat(lines.get(2)).isEqualTo("Staging: 10,000 listings in 1 min 40 s (100 listings/s)");
	}

}
