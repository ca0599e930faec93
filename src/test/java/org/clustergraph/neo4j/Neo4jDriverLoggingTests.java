package org.clustergraph.neo4j;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Logger;

import org.clustergraph.GraphTest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver's log messages follow the application's logging levels, and a message whose
 * level is off is never formatted: the driver logs each Bolt message it sends, with its
 * parameters, at debug level.
 */
@GraphTest
@ExtendWith(OutputCaptureExtension.class)
class Neo4jDriverLoggingTests {

	private static final String LOGGER = "org.neo4j.driver.internal.async.pool.Probe";

	@Autowired
	ObjectProvider<ConfigBuilderCustomizer> customizers;

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@AfterEach
	void resetLevel() {
		this.logging.setLogLevel(LOGGER, null);
	}

	@Test
	void formatsNoDebugMessageWhileDebugIsOff(CapturedOutput output) {
		this.logging.setLogLevel(LOGGER, LogLevel.INFO);
		Parameters parameters = new Parameters();
		driverLog().debug("C: RUN %s", parameters);
		assertThat(parameters.printed).hasValue(0);
		assertThat(output).doesNotContain("C: RUN {key: 'probe'}");
	}

	@Test
	void writesDebugMessagesToTheApplicationLogWhenDebugIsOn(CapturedOutput output) {
		this.logging.setLogLevel(LOGGER, LogLevel.DEBUG);
		Parameters parameters = new Parameters();
		driverLog().debug("C: RUN %s", parameters);
		assertThat(parameters.printed).hasValue(1);
		assertThat(output).contains("C: RUN {key: 'probe'}");
	}

	/** A logger of the embedded driver, configured as the application configures it. */
	@SuppressWarnings("deprecation")
	private Logger driverLog() {
		return Neo4jConnectionConfiguration.embeddedDriverConfig(this.customizers.orderedStream())
			.logging()
			.getLog(LOGGER);
	}

	/** Statement parameters that count how often they are printed. */
	private static final class Parameters {

		final AtomicInteger printed = new AtomicInteger();

		@Override
		public String toString() {
			this.printed.incrementAndGet();
			return "{key: 'probe'}";
		}

	}

}
