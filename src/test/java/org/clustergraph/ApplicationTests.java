package org.clustergraph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application over HTTP on its embedded database: what a newcomer sees after
 * the first README command.
 */
@GraphTest
class ApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	org.clustergraph.neo4j.Reads reads;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	/**
	 * By default the API reads its embedded database in process, in read-only
	 * transactions of its own; ReadmeExamplesOverBoltTests reads it over Bolt.
	 */
	@Test
	void readsTheEmbeddedDatabaseInProcess() {
		assertThat(this.reads.getClass().getSimpleName()).isEqualTo("InProcessReads");
		assertThat(this.transactions.getClass().getSimpleName()).isEqualTo("InProcessTransactionManager");
		// spring.transaction.default-timeout (CLUSTERGRAPH_READ_TIMEOUT) reaches it as it
		// reached Spring Data Neo4j's transaction manager
		assertThat(this.transactions).isInstanceOfSatisfying(
				org.springframework.transaction.support.AbstractPlatformTransactionManager.class,
				(manager) -> assertThat(manager.getDefaultTimeout()).isEqualTo(8));
	}

	@Test
	void answersGraphQlOverHttp() throws Exception {
		JsonNode body = post("/graphql", "{\"query\":\"{ __typename }\"}");
		assertThat(body.at("/data/__typename").asString()).isEqualTo("Query");
		assertThat(body.has("errors")).isFalse();
	}

	/**
	 * Anyone may ask for health; its details (the disk's path and sizes, the Neo4j
	 * version and Bolt address) are shown only when configured.
	 */
	@Test
	void healthReportsTheDatabaseButNoDetails() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode health = this.json.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(health.at("/components/neo4j/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/diskSpace/status").asString()).isEqualTo("UP");
		assertThat(health.findValues("details")).isEmpty();
		assertThat(response.body()).doesNotContain("community", "bolt", "127.0.0.1", "path", "free", "2026.");
	}

	@Test
	void metricsLeaveOutTheDisksPath() throws Exception {
		HttpResponse<String> names = get("/actuator/metrics");
		assertThat(names.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(names.body()).path("names").valueStream().map(JsonNode::asString))
			.contains("jvm.memory.used", "process.uptime")
			.doesNotContain("disk.free", "disk.total");
		assertThat(get("/actuator/metrics/disk.free").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode post(String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.json.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

}
