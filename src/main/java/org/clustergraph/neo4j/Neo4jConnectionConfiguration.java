package org.clustergraph.neo4j;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: with no {@code spring.neo4j.uri} (environment {@code NEO4J_URI})
 * the application starts its embedded Neo4j and connects to it over Bolt; with one,
 * Spring Boot's own driver configuration connects to the external server or cluster and
 * nothing is embedded.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isBlank()")
class Neo4jConnectionConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4jLauncher embeddedNeo4j(EmbeddedNeo4jProperties properties) {
		return new EmbeddedNeo4jLauncher(properties);
	}

	@Bean(destroyMethod = "close")
	Driver neo4jDriver(EmbeddedNeo4jLauncher embedded, EmbeddedNeo4jProperties properties,
			ObjectProvider<ConfigBuilderCustomizer> customizers) {
		AuthToken auth = properties.authEnabled() ? AuthTokens.basic("neo4j", properties.password())
				: AuthTokens.none();
		// The driver connects lazily; the launcher holds back the web server and the
		// start-up load until the database runs.
		return GraphDatabase.driver(embedded.boltUri(), auth, embeddedDriverConfig(customizers.orderedStream()));
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

}
