package org.clustergraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server on its own: its store, its Bolt connector and its exposure rule.
 */
class EmbeddedNeo4jTests {

	@TempDir
	Path store;

	@Test
	void keepsDataAcrossRestarts() {
		EmbeddedNeo4jProperties properties = properties("127.0.0.1", false, "");
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties);
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
			driver.executableQuery("CREATE (:Probe {value: 42})").execute();
		}
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties);
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
			var records = driver.executableQuery("MATCH (p:Probe) RETURN p.value AS value").execute().records();
			assertThat(records).singleElement().satisfies((r) -> assertThat(r.get("value").asInt()).isEqualTo(42));
		}
	}

	@Test
	void refusesAnUnauthenticatedConnectorBeyondLoopback() {
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedNeo4j.start(properties("0.0.0.0", false, "")))
			.withMessageContaining("not a loopback address")
			.withMessageContaining("CLUSTERGRAPH_NEO4J_AUTH");
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedNeo4j.start(properties("0.0.0.0", true, " ")))
			.withMessageContaining("CLUSTERGRAPH_NEO4J_PASSWORD");
	}

	@Test
	void requiresThePasswordWhenAuthenticationIsOn() {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties("0.0.0.0", true, "s3cret-enough"))) {
			try (Driver anonymous = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
				assertThatThrownBy(anonymous::verifyConnectivity).isInstanceOf(AuthenticationException.class);
			}
			try (Driver wrong = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "wrong-password"))) {
				assertThatThrownBy(wrong::verifyConnectivity).isInstanceOf(AuthenticationException.class);
			}
			try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "s3cret-enough"))) {
				assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asInt())
					.isEqualTo(1);
			}
		}
	}

	private EmbeddedNeo4jProperties properties(String address, boolean auth, String password) {
		return new EmbeddedNeo4jProperties(this.store, address, 0, auth, password, "16m", Duration.ofSeconds(30));
	}

}
