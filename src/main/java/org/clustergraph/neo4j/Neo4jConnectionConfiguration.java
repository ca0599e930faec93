package org.clustergraph.neo4j;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Chooses the database: with no {@code spring.neo4j.uri} (environment {@code NEO4J_URI})
 * the application starts its embedded Neo4j ({@link EmbeddedNeo4jEarlyStart}) and
 * connects to it over Bolt; with one, Spring Boot's own driver configuration connects to
 * the external server or cluster and nothing is embedded.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(Neo4jConnectionConfiguration.Embedded.class)
class Neo4jConnectionConfiguration {

	/**
	 * The settings that turned authentication off, which the embedded server no longer
	 * has: it always requires a password.
	 */
	static final List<String> REMOVED_AUTH_SETTINGS = List.of("CLUSTERGRAPH_NEO4J_AUTH",
			"clustergraph.embedded.auth-enabled");

	private static final Logger logger = LoggerFactory.getLogger(Neo4jConnectionConfiguration.class);

	/**
	 * Whether the application embeds its database: no external one is set.
	 * @param environment the application's settings
	 * @return true when {@code spring.neo4j.uri} is blank or missing
	 */
	static boolean embedded(Environment environment) {
		return environment.getProperty("spring.neo4j.uri", "").isBlank();
	}

	@Bean(destroyMethod = "close")
	Driver neo4jDriver(EmbeddedNeo4jLauncher embedded, ObjectProvider<ConfigBuilderCustomizer> customizers) {
		// The driver connects lazily; the launcher holds back the web server and the
		// start-up load until the database runs.
		return GraphDatabase.driver(embedded.boltUri(), embedded.authToken(),
				embeddedDriverConfig(customizers.orderedStream()));
	}

	/**
	 * Stops the start when a removed setting asks for an embedded server without
	 * authentication, rather than silently running one with it.
	 * @param environment the application's settings
	 * @throws IllegalStateException when {@code CLUSTERGRAPH_NEO4J_AUTH} or
	 * {@code clustergraph.embedded.auth-enabled} is {@code false}
	 */
	static void checkRemovedSettings(Environment environment) {
		for (String name : REMOVED_AUTH_SETTINGS) {
			String value = environment.getProperty(name);
			if (value == null || value.isBlank()) {
				continue;
			}
			if ("false".equalsIgnoreCase(value.strip())) {
				throw new IllegalStateException(name + "=false is no longer supported: the embedded Neo4j always"
						+ " requires a password (CLUSTERGRAPH_NEO4J_PASSWORD, or the one the service generates in"
						+ " its store directory). Remove the setting.");
			}
			logger.warn("{} is no longer used: the embedded Neo4j always requires a password", name);
		}
	}

	/**
	 * The embedded driver's settings, after the same customizers Spring Boot applies to
	 * the driver of an external server.
	 */
	static Config embeddedDriverConfig(Stream<ConfigBuilderCustomizer> customizers) {
		Config.ConfigBuilder builder = Config.builder()
			.withConnectionAcquisitionTimeout(10, TimeUnit.SECONDS)
			.withMaxConnectionPoolSize(64);
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/** Matches when the application embeds its database ({@link #embedded}). */
	static final class Embedded implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return embedded(context.getEnvironment());
		}

	}

}
