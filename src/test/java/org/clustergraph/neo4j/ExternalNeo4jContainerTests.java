package org.clustergraph.neo4j;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * External mode against a real Neo4j server in a container: runs where a Docker engine is
 * present and is skipped cleanly where none is.
 */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class ExternalNeo4jContainerTests {

	@Container
	static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withAdminPassword("test-password");

	@DynamicPropertySource
	static void neo4jProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", neo4j::getBoltUrl);
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> "test-password");
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	Neo4jClient client;

	@Test
	void usesTheExternalServerAndStartsNoEmbeddedOne() {
		assertThat(this.context.getBeansOfType(EmbeddedNeo4jLauncher.class)).isEmpty();
		Map<String, Object> row = this.client.query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
			.fetch()
			.one()
			.orElseThrow();
		assertThat((String) row.get("v")).startsWith("2026.08");
	}

}
