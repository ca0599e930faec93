package org.clustergraph.api;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warning that every failing field of a burst would repeat is logged once an interval,
 * and the next one says how many were held back.
 */
class ThrottledWarningTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger("throttled-warning-test");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void capture() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void logsTheFirstOfABurstAndCountsTheRest() {
		ThrottledWarning held = new ThrottledWarning(this.logger, Duration.ofHours(1));
		assertThat(held.warn("Stopped a read at {}", "/a")).isTrue();
		assertThat(held.warn("Stopped a read at {}", "/b")).isFalse();
		assertThat(held.warn("Stopped a read at {}", "/c")).isFalse();
		ThrottledWarning every = new ThrottledWarning(this.logger, Duration.ZERO);
		assertThat(every.warn("Stopped a read at {}", "/d")).isTrue();
		assertThat(every.warn("Stopped a read at {}", "/e")).isTrue();
		List<String> logged = this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(logged).containsExactly("Stopped a read at /a", "Stopped a read at /d", "Stopped a read at /e");
	}

	@Test
	void theNextWarningSaysHowManyWereHeldBack() throws InterruptedException {
		ThrottledWarning warning = new ThrottledWarning(this.logger, Duration.ofMillis(200));
		warning.warn("Stopped a read at {}", "/a");
		warning.warn("Stopped a read at {}", "/b");
		warning.warn("Stopped a read at {}", "/c");
		Thread.sleep(250);
		assertThat(warning.warn("Stopped a read at {}", "/d")).isTrue();
		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("Stopped a read at /a", "Stopped a read at /d (2 more since the last such warning)");
	}

}
