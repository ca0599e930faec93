package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.clustergraph.Statements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lookup's industries' pages of clusters come from {@link IndustryPages}: the same
 * pages {@code industry(code)} answers, kept until a load writes a new version of the
 * graph, and read with as few statements as before when they are not kept.
 */
@GraphTest
class IndustryPagesApiTests {

	private static final String LOOKUP = """
			query($id: ID!) { cluster(id: $id) { industries { code
			  clusters(first: 3) { totalCount edges { cursor node { id name provinces { code } } } } } } }""";

	private static final String INDUSTRY = """
			query($code: String!) { industry(code: $code) {
			  clusters(first: 3) { totalCount edges { cursor node { id name provinces { code } } } } } }""";

	private static final String LOOKUP_STATEMENT = "api/cluster-with-places";

	private static final String INDUSTRY_BY_CODE = "api/industries-by-code";

	private static final String VERSION = "api/dataset-version";

	private static final String PAGES = "api/clusters-of-industries";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	IndustryPages pages;

	@Autowired
	Neo4jClient neo4j;

	private String id;

	@BeforeEach
	void aClusterOfTwoIndustries() {
		this.pages.forget();
		this.id = "Cluster:" + this.neo4j.query("""
				MATCH (s:Serving) MATCH (c:Cluster {generation: s.generation})-[:BELONGS_TO]->(i)
				WITH c, count(i) AS industries WHERE industries >= 2
				RETURN c.key AS key ORDER BY key LIMIT 1""").fetchAs(String.class).one().orElseThrow();
	}

	private List<Map<String, Object>> industries() {
		return this.graphQl.document(LOOKUP)
			.variable("id", this.id)
			.execute()
			.path("cluster.industries")
			.entityList(Object.class)
			.get()
			.stream()
			.map((industry) -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> map = (Map<String, Object>) industry;
				return map;
			})
			.toList();
	}

	@Test
	void aLookupsPagesAreTheIndustriesOwnAndAreKept() {
		List<Map<String, Object>> industries = industries();
		assertThat(industries).hasSizeGreaterThanOrEqualTo(2);
		assertThat(this.pages.keptPages()).isEqualTo(industries.size());
		for (Map<String, Object> industry : industries) {
			Object own = this.graphQl.document(INDUSTRY)
				.variable("code", industry.get("code"))
				.execute()
				.path("industry.clusters")
				.entity(Object.class)
				.get();
			assertThat(industry.get("clusters")).as("industry %s", industry.get("code")).isEqualTo(own);
		}
		assertThat(industries()).isEqualTo(industries);
		assertThat(this.pages.keptPages()).isEqualTo(industries.size());
	}

	@Test
	void aNewVersionOfTheGraphReadsThePagesAgain() {
		List<Map<String, Object>> before = industries();
		String renamed = firstClusterId(before);
		String key = renamed.substring("Cluster:".length());
		Map<String, Object> was = this.neo4j.query("""
				MATCH (s:Serving) MATCH (c:Cluster {key: $key, generation: s.generation})
				MATCH (d:Dataset {key: 'current', generation: s.generation})
				RETURN c.name AS name, d.loadedAt AS loadedAt""").bind(key).to("key").fetch().one().orElseThrow();
		try {
			this.neo4j.query("""
					MATCH (s:Serving) MATCH (c:Cluster {key: $key, generation: s.generation})
					SET c.name = c.name + '（改）'""").bind(key).to("key").run();
			assertThat(firstClusterName(industries())).as("the same version: the kept page").isEqualTo(was.get("name"));
			this.neo4j.query("""
					MATCH (s:Serving) MATCH (d:Dataset {key: 'current', generation: s.generation})
					SET d.loadedAt = d.loadedAt + ' again'""").run();
			assertThat(firstClusterName(industries())).as("a new version: read again")
				.isEqualTo(was.get("name") + "（改）");
		}
		finally {
			this.neo4j.query("""
					MATCH (s:Serving) MATCH (c:Cluster {key: $key, generation: s.generation})
					MATCH (d:Dataset {key: 'current', generation: s.generation})
					SET c.name = $name, d.loadedAt = $loadedAt""")
				.bindAll(Map.of("key", key, "name", was.get("name"), "loadedAt", was.get("loadedAt")))
				.run();
			this.pages.forget();
		}
	}

	@Test
	void anIndustrysPageReadsItsClustersProvincesWithItAndOnceKeptOnlyTheVersion() {
		String fields = "edges { node { id name provinces { code name } } }";
		List<Object> nested = new ArrayList<>();
		Runnable ask = () -> nested
			.add(this.graphQl.document("{ industry(code: \"C\") { clusters(first: 40) { " + fields + " } } }")
				.execute()
				.path("industry.clusters.edges")
				.entityList(Object.class)
				.hasSize(40)
				.get());
		List<String> read = Statements.readDuring(ask);
		List<String> kept = Statements.readDuring(ask);
		// The same page from the root connection, whose clusters' provinces come from
		// their batch loader.
		Object root = this.graphQl.document("{ clusters(first: 40, filter: {industry: \"C\"}) { " + fields + " } }")
			.execute()
			.path("clusters.edges")
			.entityList(Object.class)
			.get();
		assertThat(nested).containsExactly(root, root);
		assertThat(root.toString()).contains("330000", "浙江省");
		// The industry, then the graph's version and the page with its provinces; once
		// the page is kept, the industry and the version.
		assertThat(read).containsExactly(INDUSTRY_BY_CODE, VERSION, PAGES);
		assertThat(kept).containsExactly(INDUSTRY_BY_CODE, VERSION);
	}

	@Test
	void aLookupReadsItsIndustriesPagesWithItAndNothingMoreOnceKept() {
		String id = this.graphQl
			.document("{ industry(code: \"3670\") { clusters(first: 1) { edges { node { id } } } } }")
			.execute()
			.path("industry.clusters.edges[0].node.id")
			.entity(String.class)
			.get();
		String page = "totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id name %s } }";
		String after = this.graphQl.document(
				"query($id: ID!) { cluster(id: $id) { industries { clusters(first: 2) { pageInfo { endCursor } } } } }")
			.variable("id", id)
			.execute()
			.path("cluster.industries[0].clusters.pageInfo.endCursor")
			.entity(String.class)
			.get();
		// One page per industry, asked in three ways: each answers as the batch loader
		// answers it.
		String withProvinces = "code clusters(first: 3, after: $after) { " + page.formatted("provinces { code name }")
				+ " }";
		String ownOnly = "code clusters(first: 100, after: $after, includeDescendants: false) { " + page.formatted("")
				+ " }";
		String twoPages = "code first: clusters(first: 1) { " + page.formatted("")
				+ " } next: clusters(first: 2, after: $after) { " + page.formatted("provinces { code }") + " }";
		for (String industries : List.of(withProvinces, ownOnly, twoPages)) {
			String fields = "id provinces { code } industries { " + industries + " }";
			List<Object> lookedUp = new ArrayList<>();
			Runnable lookup = () -> lookedUp
				.add(this.graphQl.document("query($id: ID!, $after: String) { cluster(id: $id) { " + fields + " } }")
					.variable("id", id)
					.variable("after", after)
					.execute()
					.path("cluster")
					.entity(Object.class)
					.get());
			this.pages.forget();
			List<String> read = Statements.readDuring(lookup);
			List<String> kept = Statements.readDuring(lookup);
			// The same fields through node(id), where the pages come from their loader.
			Object loaded = this.graphQl
				.document("query($id: ID!, $after: String) { node(id: $id) { ... on Cluster { " + fields + " } } }")
				.variable("id", id)
				.variable("after", after)
				.execute()
				.path("node")
				.entity(Object.class)
				.get();
			assertThat(lookedUp).as(industries).containsExactly(loaded, loaded);
			if (industries == twoPages) {
				// two pages per industry take the page loader, which reads the version
				assertThat(read).as(industries).containsExactly(LOOKUP_STATEMENT, VERSION, PAGES);
				assertThat(kept).as(industries).containsExactly(LOOKUP_STATEMENT, VERSION);
			}
			else {
				// one page per industry goes with the lookup and its version
				assertThat(read).as(industries).containsExactly(LOOKUP_STATEMENT, PAGES);
				assertThat(kept).as(industries).containsExactly(LOOKUP_STATEMENT);
			}
		}
	}

	@Test
	void aLookupsPagesCompletedOnceAreGivenAgainWithoutTheirFields() {
		// a text of its own: no other test's answers are kept for it
		String query = "# " + System.nanoTime() + """

				query($id: ID!) { cluster(id: $id) { industries { code
				  clusters(first: 3) { edges { node { id name programs { name } } } } } } }""";
		List<Object> answers = new ArrayList<>();
		Runnable lookup = () -> answers.add(this.graphQl.document(query)
			.variable("id", this.id)
			.execute()
			.path("cluster.industries")
			.entityList(Object.class)
			.get());
		this.pages.forget();
		List<String> read = Statements.readDuring(lookup);
		List<String> kept = Statements.readDuring(lookup);
		// the clusters' programs are read for the first lookup; the second is given the
		// pages' answers as the first completed them, and reads only the cluster
		assertThat(read).containsExactly(LOOKUP_STATEMENT, PAGES, "api/programs-of-clusters");
		assertThat(kept).containsExactly(LOOKUP_STATEMENT);
		assertThat(answers.get(1)).isEqualTo(answers.get(0));
		assertThat(answers.get(0).toString()).contains("programs=[{name=");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> firstNode(List<Map<String, Object>> industries) {
		Map<String, Object> clusters = (Map<String, Object>) industries.get(0).get("clusters");
		List<Map<String, Object>> edges = (List<Map<String, Object>>) clusters.get("edges");
		return (Map<String, Object>) edges.get(0).get("node");
	}

	private static String firstClusterId(List<Map<String, Object>> industries) {
		return (String) firstNode(industries).get("id");
	}

	private static String firstClusterName(List<Map<String, Object>> industries) {
		return (String) firstNode(industries).get("name");
	}

}
