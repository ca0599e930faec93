package org.clustergraph.cluster;

import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lookup's industries' pages of clusters come from {@link IndustryPages}: the same
 * pages {@code industry(code)} answers, kept until a load writes a new version of the
 * graph.
 */
@GraphTest
class IndustryPagesApiTests {

	private static final String LOOKUP = """
			query($id: ID!) { cluster(id: $id) { industries { code
			  clusters(first: 3) { totalCount edges { cursor node { id name provinces { code } } } } } } }""";

	private static final String INDUSTRY = """
			query($code: String!) { industry(code: $code) {
			  clusters(first: 3) { totalCount edges { cursor node { id name provinces { code } } } } } }""";

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
