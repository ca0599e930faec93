package org.clustergraph.neo4j;

import org.neo4j.driver.Logging;

import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends the driver's log messages through SLF4J, so that they follow the application's
 * logging levels ({@code logging.level.org.neo4j.driver}) and cost nothing while their
 * level is off.
 *
 * <p>
 * The driver's default logging hands each message to {@link System.Logger} already
 * formatted, whether or not its level is on. The driver logs every Bolt message it sends
 * at debug level, parameters included, so with the default every statement paid for
 * printing its parameters: under the 2-hop benchmark about a twelfth of the service's
 * allocation (BENCHMARKS.md). SLF4J's logger is asked first whether the level is on.
 *
 * <p>
 * The driver marks its {@code Logging} choice as deprecated in favour of that default;
 * until the default asks before formatting, choosing SLF4J is the way to stop paying.
 *
 * <p>
 * Spring Boot applies the customizer to the driver it configures for an external server;
 * the embedded driver applies the same customizers.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jDriverLogging {

	@Bean
	@SuppressWarnings("deprecation")
	ConfigBuilderCustomizer neo4jDriverSlf4jLogging() {
		return (builder) -> builder.withLogging(Logging.slf4j());
	}

}
