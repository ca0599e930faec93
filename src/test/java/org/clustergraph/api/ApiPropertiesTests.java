package org.clustergraph.api;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A limit that would refuse every request, or lift its bound, stops the start naming the
 * setting.
 */
class ApiPropertiesTests {

	private static final Duration TEN = Duration.ofSeconds(10);

	private static final Duration EIGHT = Duration.ofSeconds(8);

	@Test
	void refusesLimitsThatRefuseEverythingOrBoundNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiProperties(-1, 10000, 30, 10, 20000, 5000, TEN, EIGHT))
			.withMessage("clustergraph.api.max-depth (CLUSTERGRAPH_MAX_DEPTH) must be at least 1, not -1");
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiProperties(12, 0, 30, 10, 20000, 5000, TEN, EIGHT))
			.withMessageContaining("CLUSTERGRAPH_MAX_COMPLEXITY");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiProperties(12, 10000, -1, 10, 20000, 5000, TEN, EIGHT))
			.withMessageContaining("CLUSTERGRAPH_MAX_ALIASES");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiProperties(12, 10000, 30, 10, 20000, 5000, Duration.ZERO, EIGHT))
			.withMessageContaining("CLUSTERGRAPH_REQUEST_TIMEOUT");
		// a negative transaction timeout is Spring's "none"
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiProperties(12, 10000, 30, 10, 20000, 5000, TEN, Duration.ofSeconds(-1)))
			.withMessage(
					"clustergraph.api.read-timeout (CLUSTERGRAPH_READ_TIMEOUT) must be longer than zero, not PT-1S");
		assertThatNoException().isThrownBy(() -> new ApiProperties(1, 1, 0, 1, 1, 1, Duration.ofMillis(1), EIGHT));
	}

}
