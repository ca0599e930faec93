package org.clustergraph.analysis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.clustergraph.GraphTest;
import org.clustergraph.neo4j.Reads;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that asks only analysis queries is answered with the bytes of the first
 * successful response to the same request on the same graph version, and never across
 * versions; other requests, and responses with errors, are not kept.
 */
@GraphTest
class KeptResponsesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	KeptResponses responses;

	@Autowired
	Neo4jClient neo4j;

	@LocalServerPort
	int port;

	@Test
	void writesTheFirstResponseAgainUntilTheGraphsVersionChanges() throws Exception {
		// an alias of its own, so that no other test's request has kept it
		String overlap = "{ keptResponsesTest: programOverlap(program: \"hubei\") { a { key } b { key } sharedClusters } }";
		// the same fields beside one that is not analysis: executed on every request
		String executed = "{ keptResponsesTest: programOverlap(program: \"hubei\") { a { key } b { key } sharedClusters }"
				+ " dataset { clusterCount } }";
		// a response of the graph's current version first: keeping it drops those that
		// tests before this one kept for a version that a load of theirs has replaced
		post("{ keptResponsesTestBaseline: industrySpread(level: SECTION) { provinceCount } }");
		int kept = this.responses.keptResponses();
		String first = post(overlap);
		assertThat(this.responses.keptResponses()).isEqualTo(kept + 1);
		// the kept response: the graph's version is the one statement read
		ListAppender<ILoggingEvent> statements = statements();
		try {
			assertThat(post(overlap)).isEqualTo(first);
		}
		finally {
			stop(statements);
		}
		assertThat(statements.list).extracting(ILoggingEvent::getFormattedMessage)
			.singleElement()
			.asString()
			.contains("api/dataset-version");
		assertThat(this.responses.keptResponses()).isEqualTo(kept + 1);
		assertThat(JSON.readTree(first)).isEqualTo(without(JSON.readTree(post(executed)), "dataset"));
		assertThat(this.responses.keptResponses()).as("not analysis only: not kept").isEqualTo(kept + 1);
		int shared = shared(first, "miit-sme");
		String cluster = this.neo4j.query("""
				MATCH (c:Cluster)-[:LISTED_IN]->(:Program {key: 'hubei'})
				WHERE NOT EXISTS { (c)-[:LISTED_IN]->(:Program {key: 'miit-sme'}) }
				RETURN c.key AS key ORDER BY key LIMIT 1""").fetchAs(String.class).one().orElseThrow();
		Object loadedAt = this.neo4j.query("MATCH (d:Dataset {key: 'current'}) RETURN d.loadedAt AS t")
			.fetch()
			.one()
			.orElseThrow()
			.get("t");
		try {
			this.neo4j.query("""
					MATCH (c:Cluster {key: $cluster}), (p:Program {key: 'miit-sme'})
					CREATE (c)-[:LISTED_IN {year: 1900, keptResponsesTest: true}]->(p)""")
				.bindAll(Map.of("cluster", cluster))
				.run();
			assertThat(post(overlap)).as("the graph changed without a load: the kept response").isEqualTo(first);
			this.neo4j.query("MATCH (d:Dataset {key: 'current'}) SET d.loadedAt = d.loadedAt + ' kept responses'")
				.run();
			assertThat(shared(post(overlap), "miit-sme")).as("a new version: executed again").isEqualTo(shared + 1);
			assertThat(this.responses.keptResponses()).as("the other version's responses are dropped").isOne();
		}
		finally {
			this.neo4j.query("MATCH ()-[l:LISTED_IN {keptResponsesTest: true}]->() DELETE l").run();
			this.neo4j.query("MATCH (d:Dataset {key: 'current'}) SET d.loadedAt = $t")
				.bindAll(Map.of("t", loadedAt))
				.run();
		}
		assertThat(post(overlap)).as("the version before: its kept response").isEqualTo(first);
	}

	@Test
	void keepsAtMostSoManyResponses() throws Exception {
		for (int i = 0; i <= KeptResponses.ENTRIES; i++) {
			post("{ keptResponsesTest" + i + ": industrySpread(level: SECTION) { provinceCount } }");
		}
		assertThat(this.responses.keptResponses()).isEqualTo(KeptResponses.ENTRIES);
	}

	@Test
	void keepsNoResponseWithAnError() throws Exception {
		String unknown = "{ keptResponsesTest: programOverlap(program: \"no-such-program\") { sharedClusters } }";
		int kept = this.responses.keptResponses();
		assertThat(JSON.readTree(post(unknown)).path("errors").size()).isOne();
		assertThat(JSON.readTree(post(unknown)).path("errors").size()).isOne();
		assertThat(this.responses.keptResponses()).isEqualTo(kept);
	}

	@Test
	void keepsOnlyQueriesThatAskNothingButAnalysisAtTheirRoot() {
		assertThat(this.responses.analysisOnly("{ programOverlap { sharedClusters } }", null)).isTrue();
		assertThat(this.responses.analysisOnly(
				"query Q($l: RegionLevel!) { r: regionsInMultiplePrograms(level: $l) { region { code } } __typename }",
				null))
			.isTrue();
		assertThat(this.responses.analysisOnly("{ programOverlap { sharedClusters } dataset { clusterCount } }", null))
			.isFalse();
		String two = "query A { programOverlap { sharedClusters } } query B { dataset { clusterCount } }";
		assertThat(this.responses.analysisOnly(two, "A")).isTrue();
		assertThat(this.responses.analysisOnly(two, "B")).isFalse();
		assertThat(this.responses.analysisOnly(two, null)).isFalse();
		assertThat(this.responses.analysisOnly("{ ... on Query { programOverlap { sharedClusters } } }", null))
			.isFalse();
		assertThat(this.responses.analysisOnly("subscription { programOverlap { sharedClusters } }", null)).isFalse();
		assertThat(this.responses.analysisOnly("{ programOverlap { ", null)).isFalse();
		assertThat(this.responses.analysisOnly("{ __typename }", null)).isFalse();
		assertThat(this.responses.analysisOnly("{ a: __typename b: __typename }", null)).isFalse();
	}

	private String post(String document) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document))))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
	}

	/** Records the statements the API reads from now on. */
	private static ListAppender<ILoggingEvent> statements() {
		Logger reads = (Logger) LoggerFactory.getLogger(Reads.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		reads.setLevel(Level.DEBUG);
		reads.addAppender(appender);
		return appender;
	}

	private static void stop(ListAppender<ILoggingEvent> appender) {
		Logger reads = (Logger) LoggerFactory.getLogger(Reads.class);
		reads.detachAppender(appender);
		reads.setLevel(null);
	}

	private static JsonNode without(JsonNode response, String field) {
		((tools.jackson.databind.node.ObjectNode) response.path("data")).remove(field);
		return response;
	}

	private static int shared(String response, String other) {
		for (JsonNode pair : JSON.readTree(response).path("data").path("keptResponsesTest")) {
			if (pair.path("a").path("key").asString().equals(other)
					|| pair.path("b").path("key").asString().equals(other)) {
				return pair.path("sharedClusters").asInt();
			}
		}
		throw new AssertionError("no pair with " + other + " in " + response);
	}

}
