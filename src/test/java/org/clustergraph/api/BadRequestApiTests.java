package org.clustergraph.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.clustergraph.neo4j.CypherFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a careless client or an attacker sends: each gets an error that names what was
 * wrong, at the field that was wrong, and nothing else in the request fails with it.
 */
@GraphTest
class BadRequestApiTests {

	/** A cursor in the API's own form whose position is the largest int. */
	private static final String HUGE_CURSOR = Base64.getUrlEncoder()
		.withoutPadding()
		.encodeToString(("cursor:v1:" + Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8));

	@LocalServerPort
	int port;

	@Autowired
	Neo4jClient neo4j;

	@Test
	void refusesACursorWhosePositionNoPageReachesInEveryConnection() {
		for (String field : List.of("clusters", "regions", "industries", "crossListedClusters")) {
			JsonNode response = post("{ " + field + "(first: 2, after: \"" + HUGE_CURSOR + "\") { totalCount } }");
			assertThat(response.path("errors")).as(field).hasSize(1);
			JsonNode error = response.path("errors").get(0);
			assertThat(error.path("extensions").path("classification").asString()).as(field).isEqualTo("BAD_REQUEST");
			assertThat(error.path("message").asString()).as(field).contains("after must be a cursor");
		}
		for (String nested : List.of("program(key: \"hubei\") { listings", "region(code: \"420000\") { children")) {
			JsonNode response = post("{ " + nested + "(first: 2, after: \"" + HUGE_CURSOR + "\") { totalCount } } }");
			assertThat(response.path("errors").get(0).path("message").asString()).as(nested)
				.contains("after must be a cursor");
		}
		// The largest position that still fits is an empty page, not an error, where
		// cursors hold positions (a region's children; the other connections hold keys).
		String last = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(
					("cursor:v1:" + (Integer.MAX_VALUE - PageRequest.MAX_FIRST - 2)).getBytes(StandardCharsets.UTF_8));
		JsonNode page = post(
				"{ region(code: \"420000\") { children(first: 100, after: \"" + last + "\") { edges { cursor } } } }");
		assertThat(page.path("errors").isMissingNode()).isTrue();
		assertThat(page.path("data").path("region").path("children").path("edges")).isEmpty();
	}

	@Test
	void keepsAFailingFieldsErrorToThatField() {
		JsonNode response = post("{ a: clusters(first: 2, after: \"" + HUGE_CURSOR
				+ "\") { totalCount } b: programs { key } c: dataset { listingCount } }");
		assertThat(response.path("errors")).hasSize(1);
		assertThat(response.path("errors").get(0).path("path").get(0).asString()).isEqualTo("a");
		// With the operation asking for it, the non-null field that failed does not take
		// its
		// parent, the whole data, with it.
		JsonNode kept = post("query @experimental_disableErrorPropagation { a: clusters(first: 2, after: \""
				+ HUGE_CURSOR + "\") { totalCount } b: programs { key } c: dataset { listingCount } }");
		assertThat(kept.path("errors")).hasSize(1);
		assertThat(kept.path("data").path("a").isNull()).isTrue();
		assertThat(kept.path("data").path("b")).hasSizeGreaterThan(1);
		assertThat(kept.path("data").path("c").path("listingCount").asInt()).isPositive();
	}

	@Test
	void keepsAStatementTheDatabaseFailedToItsOwnField() {
		// Without the full-text index of pairs, which a text of two adjacent characters
		// is searched in first, the database fails search's statement; the fields after
		// it must still be read, so they cannot share its transaction.
		this.neo4j.query("DROP INDEX search_pairs").run();
		try {
			JsonNode response = post("query @experimental_disableErrorPropagation { a: search(text: \"扬州\") { score } "
					+ "b: programs { key } c: dataset { listingCount } d: region(code: \"320000\") { name } }");
			assertThat(response.path("errors")).hasSize(1);
			JsonNode error = response.path("errors").get(0);
			assertThat(error.path("path").get(0).asString()).isEqualTo("a");
			assertThat(error.path("extensions").path("classification").asString()).isEqualTo("INTERNAL_ERROR");
			assertThat(response.path("data").path("b")).hasSizeGreaterThan(1);
			assertThat(response.path("data").path("c").path("listingCount").asInt()).isPositive();
			assertThat(response.path("data").path("d").path("name").asString()).isEqualTo("江苏省");
		}
		finally {
			this.neo4j.query(CypherFiles.get("schema/search-pairs")).run();
			this.neo4j.query("CALL db.awaitIndexes(300)").run();
		}
		assertThat(post("{ search(text: \"扬州\") { score } }").path("data").path("search")).isNotEmpty();
	}

	@Test
	void refusesACursorLongerThanAnyItGivesOut() {
		String key = "z".repeat(KeysetPage.MAX_CURSOR_LENGTH);
		for (String field : List.of("clusters", "crossListedClusters", "industry(code: \"C\") { clusters",
				"region(code: \"330000\") { clusters", "program(key: \"miit-sme\") { listings")) {
			String connection = field.contains("industry") ? "Industry.clusters" : field.contains("region")
					? "Region.clusters" : field.contains("program") ? "Program.listings" : field;
			String cursor = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("keyset:v1:" + connection + ":" + key).getBytes(StandardCharsets.UTF_8));
			String close = field.contains("{") ? " }" : "";
			JsonNode response = post(
					"query($after: String) { " + field + "(first: 2, after: $after) { totalCount }" + close + " }",
					Map.of("after", cursor));
			assertThat(response.path("errors")).as(field).hasSize(1);
			assertThat(response.path("errors").get(0).path("message").asString()).as(field)
				.contains("after must be a cursor")
				.contains(cursor.length() + " characters");
		}
	}

	@Test
	void answersAPathNoneOfWhoseRoutesFitsAtOnceWithNull() {
		// Every route from a program to an industry passes a cluster and then the
		// industry's parents: none is one hop long. This used to search exhaustively
		// until the database stopped it.
		JsonNode response = post(
				"{ shortestPath(from: \"Program:hubei\", to: \"Industry:0212\", maxLength: 1) { nodes { id } } }");
		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		assertThat(response.path("data").path("shortestPath").isNull()).isTrue();
		JsonNode found = post(
				"{ shortestPath(from: \"Program:hubei\", to: \"Industry:0212\", maxLength: 10) { nodes { id label } } }");
		JsonNode nodes = found.path("data").path("shortestPath").path("nodes");
		assertThat(nodes.get(0).path("id").asString()).isEqualTo("Program:hubei");
		assertThat(nodes.get(nodes.size() - 1).path("id").asString()).isEqualTo("Industry:0212");
		for (int i = 1; i < nodes.size() - 1; i++) {
			assertThat(nodes.get(i).path("label").asString()).isIn("Cluster", "Region", "Industry");
		}
	}

	@Test
	void pricesANeighbourhoodByTheNodesItMayReturn() {
		String one = "n%d: neighborhood(id: \"Program:miit-sme\", depth: 3, limit: 1000) { nodes { id } edges { id } }";
		StringBuilder ten = new StringBuilder("{ ");
		for (int i = 0; i < 10; i++) {
			ten.append(one.formatted(i)).append(' ');
		}
		JsonNode refused = post(ten.append('}').toString());
		assertThat(refused.path("data").isMissingNode() || refused.path("data").isNull()).isTrue();
		assertThat(refused.path("errors").get(0).path("extensions").path("classification").asString())
			.isEqualTo("ValidationError");
		assertThat(refused.path("errors").get(0).path("message").asString()).contains("would cost");
		// One such graph, and a small one beside it, are what a front end asks for.
		JsonNode answered = post("{ " + one.formatted(0)
				+ " small: neighborhood(id: \"Program:hubei\", depth: 1, limit: 20) { nodes { id } } }");
		assertThat(answered.path("errors").isMissingNode()).as(answered.toString()).isTrue();
		assertThat(answered.path("data").path("n0").path("nodes")).hasSize(1000);
		assertThat(answered.path("data").path("small").path("nodes")).hasSize(20);
	}

	@Test
	void refusesHalfASurrogatePairInSearchAndFilters() {
		JsonNode search = post("query($t: String!) { search(text: $t) { score } }", Map.of("t", "\ud800"));
		assertThat(search.path("errors").get(0).path("extensions").path("classification").asString())
			.isEqualTo("BAD_REQUEST");
		assertThat(search.path("errors").get(0).path("message").asString()).contains("text", "surrogate");
		assertThat(search.path("data").isNull()).isTrue();
		JsonNode filter = post("query($t: String) { clusters(filter: {nameContains: $t}) { totalCount } }",
				Map.of("t", "扬州\udc00"));
		assertThat(filter.path("errors").get(0).path("message").asString()).contains("nameContains", "surrogate");
		// A whole pair is a character like any other.
		JsonNode pair = post("query($t: String!) { search(text: $t) { score } }", Map.of("t", "\ud842\udfb7"));
		assertThat(pair.path("errors").isMissingNode()).isTrue();
	}

	@Test
	void searchesForLuceneOperatorWordsAsText() {
		for (String text : List.of("AND", "OR", "NOT", "a OR", "AND 扬州")) {
			JsonNode response = post("query($t: String!) { search(text: $t) { score } }", Map.of("t", text));
			assertThat(response.path("errors").isMissingNode()).as(text + ": " + response).isTrue();
		}
		assertThat(post("query($t: String!) { search(text: $t) { score } }", Map.of("t", "AND 扬州")).path("data")
			.path("search")).isNotEmpty();
	}

	private JsonNode post(String query) {
		return new GraphQlOverHttp(this.port).post(query);
	}

	private JsonNode post(String query, Map<String, Object> variables) {
		return new GraphQlOverHttp(this.port).post(query, variables);
	}

}
