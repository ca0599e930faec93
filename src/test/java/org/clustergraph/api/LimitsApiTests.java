package org.clustergraph.api;

import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protections of the public endpoint, over real HTTP: every oversized request is
 * refused before it runs, with graphql-java's classification and a message saying what
 * the limit is, while GraphiQL's deep but cheap introspection query still works.
 */
@GraphTest
class LimitsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiProperties limits;

	@Test
	void refusesQueriesNestedDeeperThanTheLimit() {
		String query = "{ region(code: \"330000\") " + "{ parent ".repeat(this.limits.maxDepth()) + "{ code }"
				+ " }".repeat(this.limits.maxDepth()) + " }";
		assertRefused(post(query), "ValidationError", "levels are allowed");
	}

	@Test
	void refusesQueriesWhosePagesOfPagesCostTooMuch() {
		JsonNode response = post(
				"""
						{ clusters(first: 100) { edges { node { industries { clusters(first: 100) { edges { node { name } } } } } } } }""");
		assertRefused(response, "ValidationError", "ask for smaller pages");
		// The same shape with small pages is fine.
		JsonNode small = post(
				"""
						{ clusters(first: 5) { edges { node { industries { clusters(first: 5) { edges { node { name } } } } } } } }""");
		assertThat(small.path("errors").isMissingNode()).isTrue();
		assertThat(small.path("data").path("clusters").path("edges")).hasSize(5);
	}

	@Test
	void pricesAFragmentEveryTimeItIsSpread() {
		// Spread once, the fragment is cheap enough; spread under two aliases it fetches
		// twice as much, and it is priced so. Before, only the first spread was counted.
		String fragment = "fragment G on Cluster { industries { clusters(first: 100) { edges { node { name } } } } }";
		JsonNode once = post("{ a: clusters(first: 4) { edges { node { ...G } } } } " + fragment);
		assertThat(once.path("errors").isMissingNode()).as(once.toString()).isTrue();
		assertRefused(
				post("{ a: clusters(first: 30) { edges { node { ...G } } } "
						+ "b: clusters(first: 30) { edges { node { ...G } } } } " + fragment),
				"ValidationError", "ask for smaller pages");
		// and measures its depth where it is spread deepest
		String deep = "fragment D on Region { parent { parent { parent { parent { parent { parent { parent { "
				+ "parent { parent { parent { parent { code } } } } } } } } } } } }";
		assertRefused(post("{ region(code: \"330000\") { code } r: region(code: \"330411\") { ...D } } " + deep),
				"ValidationError", "levels are allowed");
	}

	@Test
	void refusesAFragmentBombBeforeExpandingIt() {
		// five levels of ten aliases, each spreading the level below: a short document
		// that expands to a hundred thousand fields
		StringBuilder document = new StringBuilder(
				"{ region(code: \"330000\") { ...F5 } } fragment F0 on Region { code }");
		for (int level = 1; level <= 5; level++) {
			document.append(" fragment F").append(level).append(" on Region {");
			for (int alias = 0; alias < 10; alias++) {
				document.append(" p").append(alias).append(": parent { ...F").append(level - 1).append(" }");
			}
			document.append(" }");
		}
		assertRefused(post(document.toString()), "ValidationError", "expands, once its fragments are spread");
	}

	@Test
	void pricesFacetGroupsThatOpenPagesAsManyGroups() {
		JsonNode counts = post("{ clusterFacets { byIndustry(level: CLASS) { industry { code name } count } } }");
		assertThat(counts.path("errors").isMissingNode()).as(counts.toString()).isTrue();
		assertRefused(
				post("""
						{ clusterFacets { byIndustry(level: CLASS) { industry { clusters(first: 100) { edges { node { name } } } }
						  count } } }"""),
				"ValidationError", "ask for smaller pages");
	}

	@Test
	void pricesTheSameDocumentByTheValuesOfItsVariables() {
		// One text, so the measures kept for it must follow the page sizes and the
		// @include it is sent with.
		String query = """
				query($first: Int!, $deep: Boolean!) { clusters(first: $first) { edges { node { industries {
				  clusters(first: $first) { edges { node { name regions @include(if: $deep) { parent { parent { parent {
				  parent { parent { parent { parent { parent { code } } } } } } } } } } } } } } } } }""";
		assertThat(post(query, Map.of("first", 3, "deep", false)).path("errors").isMissingNode()).isTrue();
		assertRefused(post(query, Map.of("first", 100, "deep", false)), "ValidationError", "ask for smaller pages");
		assertRefused(post(query, Map.of("first", 3, "deep", true)), "ValidationError", "levels are allowed");
		assertThat(post(query, Map.of("first", 3, "deep", false)).path("data").path("clusters").path("edges"))
			.hasSize(3);
	}

	@Test
	void refusesTooManyAliasesAndRootFields() {
		StringBuilder aliases = new StringBuilder("{ programs { ");
		for (int i = 0; i <= this.limits.maxAliases(); i++) {
			aliases.append("k").append(i).append(": key ");
		}
		assertRefused(post(aliases.append("} }").toString()), "ValidationError", "aliases");
		StringBuilder roots = new StringBuilder("{ ");
		for (int i = 0; i <= this.limits.maxRootFields(); i++) {
			roots.append("d").append(i).append(": dataset { listingCount } ");
		}
		assertRefused(post(roots.append("}").toString()), "ValidationError", "at its root");
	}

	@Test
	void refusesDocumentsLongerThanTheLimitBeforeParsingThem() {
		String padding = "# " + "x".repeat(this.limits.maxCharacters()) + "\n";
		assertRefused(post(padding + "{ dataset { listingCount } }"), "InvalidSyntax", "characters");
	}

	@Test
	void answersGraphiqlsIntrospectionQuery() {
		JsonNode response = post("""
				{ __schema { queryType { name } types { name fields(includeDeprecated: true) { name
				  args { name type { kind name ofType { kind name ofType { kind name ofType { kind name
				  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
				  type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }""");
		assertThat(response.path("errors").isMissingNode()).isTrue();
		assertThat(response.path("data").path("__schema").path("queryType").path("name").asString()).isEqualTo("Query");
	}

	@Test
	void keepsCypherAndStackTracesFromClients() {
		for (String query : List.of("{ clusters(first: 101) { totalCount } }", "{ nope }", "{ clusters(")) {
			String body = post(query).toString();
			assertThat(body).doesNotContain("MATCH", "Exception", "\tat ", "org.clustergraph");
		}
	}

	private static void assertRefused(JsonNode response, String classification, String message) {
		assertThat(response.path("data").isMissingNode() || response.path("data").isNull()).isTrue();
		JsonNode error = response.path("errors").get(0);
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo(classification);
		assertThat(error.path("message").asString()).contains(message);
	}

	private JsonNode post(String query) {
		return new GraphQlOverHttp(this.port).post(query);
	}

	private JsonNode post(String query, Map<String, Object> variables) {
		return new GraphQlOverHttp(this.port).post(query, variables);
	}

}
