package org.clustergraph.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neighbourhoods and shortest paths as drawable graphs on the seed graph.
 */
@GraphTest
class GraphViewApiTests {

	private static final String GRAPH = "{ truncated nodes { id label name degree } edges { id type source target } }";

	/** A node's global id in Cypher, the node's variable left to format in. */
	private static final String ID = """
			CASE WHEN %1$s:Cluster THEN 'Cluster:' + %1$s.key WHEN %1$s:Program THEN 'Program:' + %1$s.key
			     WHEN %1$s:Region THEN 'Region:' + %1$s.code ELSE 'Industry:' + %1$s.code END""";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Neo4jClient neo4j;

	ApiTestSupport graph;

	@BeforeEach
	void support() {
		this.graph = new ApiTestSupport(this.neo4j);
	}

	@Test
	void drawsAClustersNeighbourhoodWithEveryEdgeAmongItsNodes() {
		String xiantao = this.graph.clusterId("仙桃市无纺布产业集群");
		GraphQlTester.Response response = this.graphQl
			.document("query($id: ID!) { neighborhood(id: $id) " + GRAPH + " }")
			.variable("id", xiantao)
			.execute();
		List<String> ids = response.path("neighborhood.nodes[*].id").entityList(String.class).get();
		assertThat(ids.getFirst()).isEqualTo(xiantao);
		assertThat(ids).containsExactlyInAnyOrder(xiantao, "Region:429004", "Industry:1781", "Program:hubei",
				"Program:miit-sme");
		response.path("neighborhood.truncated").entity(Boolean.class).isEqualTo(false);
		response.path("neighborhood.nodes[0].degree").entity(Integer.class).isEqualTo(ids.size() - 1);
		List<String> edges = response.path("neighborhood.edges[*].id").entityList(String.class).get();
		assertThat(edges)
			.contains("LOCATED_IN:" + xiantao + "->Region:429004", "BELONGS_TO:" + xiantao + "->Industry:1781")
			.anySatisfy((id) -> assertThat(id).matches("LISTED_IN:" + xiantao + "->Program:miit-sme:2024:\\d+"))
			.anySatisfy((id) -> assertThat(id).matches("LISTED_IN:" + xiantao + "->Program:hubei::\\d+|LISTED_IN:"
					+ xiantao + "->Program:hubei:\\d*:\\d+"))
			.doesNotHaveDuplicates();
		assertThat(response.path("neighborhood.edges[*].source").entityList(String.class).get())
			.allMatch(ids::contains);
		assertThat(response.path("neighborhood.edges[*].target").entityList(String.class).get())
			.allMatch(ids::contains);
		// Two hops away: the province above the city, and other clusters of the same
		// industry tree.
		List<String> twoHops = this.graphQl
			.document("query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 1000) { nodes { id } } }")
			.variable("id", xiantao)
			.execute()
			.path("neighborhood.nodes[*].id")
			.entityList(String.class)
			.get();
		assertThat(twoHops).contains("Region:420000", "Industry:178").containsAll(ids);
	}

	/**
	 * The cap keeps the first neighbours by id, and the view says it was cut only when a
	 * neighbour was left out: a cap that fits the neighbourhood exactly cuts nothing.
	 */
	@Test
	void keepsTheFirstNeighboursByIdAndIsTruncatedOnlyWhenOneIsLeftOut() {
		List<String> all = neighbourIds(1000, false);
		int neighbours = all.size() - 1;
		assertThat(neighbours).isGreaterThan(10);
		assertThat(all.subList(1, all.size())).isSorted();
		assertThat(neighbourIds(neighbours + 1, false)).isEqualTo(all);
		assertThat(neighbourIds(neighbours, true)).isEqualTo(all.subList(0, neighbours));
	}

	private List<String> neighbourIds(int limit, boolean truncated) {
		GraphQlTester.Response response = this.graphQl
			.document("{ neighborhood(id: \"Program:hubei\", depth: 1, limit: " + limit + ") " + GRAPH + " }")
			.execute();
		response.path("neighborhood.truncated").entity(Boolean.class).isEqualTo(truncated);
		return response.path("neighborhood.nodes[*].id").entityList(String.class).get();
	}

	@Test
	void capsASupernodesNeighbourhoodNearestFirstAndSaysSo() {
		GraphQlTester.Response response = this.graphQl
			.document("{ neighborhood(id: \"Program:miit-sme\", depth: 2, limit: 50) " + GRAPH + " }")
			.execute();
		response.path("neighborhood.truncated").entity(Boolean.class).isEqualTo(true);
		List<String> ids = response.path("neighborhood.nodes[*].id").entityList(String.class).get();
		assertThat(ids).hasSize(50).startsWith("Program:miit-sme").doesNotHaveDuplicates();
		// The program's own clusters (one hop) fill the cap before anything two hops
		// away.
		assertThat(ids.subList(1, ids.size())).allMatch((id) -> id.startsWith("Cluster:"));
		response.path("neighborhood.nodes[0].degree")
			.entity(Long.class)
			.isEqualTo(this.graph.count(
					"MATCH (:Program {key: 'miit-sme'})<-[:LISTED_IN]-(c:Cluster) RETURN count(DISTINCT c) AS n",
					Map.of()));
	}

	/**
	 * A program's, region's or industry's clusters are read from its members index, the
	 * first by key, and its degree from the load: the nodes, their order and degrees, and
	 * the cut are what a walk of every neighbour, hop by hop, gives. The starts are every
	 * program, the regions and industries of each level with the most clusters of their
	 * own and with the most of their subtree, and the clusters with the most neighbours;
	 * the caps cut each hop somewhere.
	 */
	@Test
	void drawsWhatAWalkOfEveryNeighbourHopByHopDraws() {
		StringBuilder union = new StringBuilder("""
				MATCH (c:Cluster) WITH c ORDER BY COUNT { (c)--() } DESC, c.key LIMIT 3 RETURN 'Cluster:' + c.key AS s
				UNION
				MATCH (p:Program) RETURN 'Program:' + p.key AS s""");
		for (String label : List.of("Region", "Industry")) {
			for (String measure : List.of("memberCount", "treeMemberCount")) {
				union.append("""

						UNION
						MATCH (n:%1$s) WITH n ORDER BY n.%2$s DESC, n.code
						WITH n.level AS level, head(collect(n.code)) AS code RETURN '%1$s:' + code AS s"""
					.formatted(label, measure));
			}
		}
		List<String> starts = this.graph.strings("CALL () {\n" + union + "\n}\nRETURN s ORDER BY s", Map.of());
		assertThat(starts).hasSizeGreaterThan(20);
		Map<String, List<String>> neighbours = new HashMap<>();
		int cut = 0;
		for (String start : starts) {
			for (int depth = 1; depth <= 3; depth++) {
				for (int limit : List.of(1, 8, 60, 400)) {
					List<String> walked = new ArrayList<>(List.of(start));
					List<String> frontier = List.of(start);
					boolean truncated = false;
					for (int hop = 1; hop <= depth && !frontier.isEmpty() && !truncated; hop++) {
						Set<String> reached = new TreeSet<>();
						frontier.forEach((id) -> reached.addAll(neighbours.computeIfAbsent(id, this::neighbours)));
						reached.removeAll(walked);
						List<String> next = new ArrayList<>(reached);
						int room = limit - walked.size();
						if (next.size() > room) {
							next = next.subList(0, room);
							truncated = true;
						}
						walked.addAll(next);
						frontier = List.copyOf(next);
					}
					GraphQlTester.Response response = this.graphQl
						.document("query($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, "
								+ "limit: $limit) { truncated nodes { id degree } } }")
						.variable("id", start)
						.variable("depth", depth)
						.variable("limit", limit)
						.execute();
					String asked = start + " at depth " + depth + " capped at " + limit;
					assertThat(response.path("neighborhood.nodes[*].id").entityList(String.class).get()).as(asked)
						.isEqualTo(walked);
					assertThat(response.path("neighborhood.nodes[*].degree").entityList(Integer.class).get()).as(asked)
						.isEqualTo(walked.stream()
							.map((id) -> neighbours.computeIfAbsent(id, this::neighbours).size())
							.toList());
					response.path("neighborhood.truncated").entity(Boolean.class).isEqualTo(truncated);
					cut += truncated ? 1 : 0;
				}
			}
		}
		// the caps cut some views and not others
		assertThat(cut).isPositive().isLessThan(starts.size() * 12);
	}

	/** The global ids of a node's distinct neighbours, walked. */
	private List<String> neighbours(String id) {
		String label = id.substring(0, id.indexOf(':'));
		return this.graph.strings(
				"""
						MATCH (n:%s {%s: $key})-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(m)
						RETURN DISTINCT %s AS s""".formatted(label,
						(label.equals("Cluster") || label.equals("Program")) ? "key" : "code", ID.formatted("m")),
				Map.of("key", id.substring(id.indexOf(':') + 1)));
	}

	@Test
	void answersNullForAnUnknownIdAndRejectsDepthsAndLimitsOutOfRange() {
		this.graphQl.document("{ neighborhood(id: \"Region:999999\") { truncated } }")
			.execute()
			.path("neighborhood")
			.valueIsNull();
		for (String arguments : List.of("depth: 4", "depth: -1", "limit: 0", "limit: 1001")) {
			this.graphQl.document("{ neighborhood(id: \"Program:hubei\", " + arguments + ") { truncated } }")
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
		}
	}

	@Test
	void findsAShortestPathThatAvoidsProgramsUnlessAllowed() {
		String xiantao = this.graph.clusterId("仙桃市无纺布产业集群");
		String yangzhou = this.graph.clusterId("扬州数控成形机床创新型产业集群");
		GraphQlTester.Response response = this.graphQl.document("""
				query($a: ID!, $b: ID!) {
				  up: shortestPath(from: $a, to: "Region:420000") { nodes { id } edges { id } }
				  far: shortestPath(from: $a, to: $b) { nodes { id } }
				  wide: shortestPath(from: $a, to: $b, maxLength: 10) { nodes { id label } edges { id } }
				  viaList: shortestPath(from: $a, to: $b, through: ["Cluster", "Region", "Industry", "Program"]) {
				    nodes { id label } edges { type } } }""").variable("a", xiantao).variable("b", yangzhou).execute();
		response.path("up.nodes[*].id")
			.entityList(String.class)
			.containsExactly(xiantao, "Region:429004", "Region:420000");
		response.path("up.edges").entityList(Object.class).hasSize(2);
		// Through industries the two clusters are 8 hops apart (1781 up to C and down to
		// 3422).
		response.path("far").valueIsNull();
		List<String> labels = response.path("wide.nodes[*].label").entityList(String.class).get();
		assertThat(labels).hasSize(9).doesNotContain("Program");
		response.path("wide.edges").entityList(Object.class).hasSize(8);
		response.path("viaList.nodes[*].label")
			.entityList(String.class)
			.containsExactly("Cluster", "Program", "Cluster");
		response.path("viaList.edges[*].type").entityList(String.class).containsExactly("LISTED_IN", "LISTED_IN");
		// Ties are broken the same way every time.
		Set<List<String>> answers = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			answers.add(this.graphQl
				.document("query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxLength: 10) { nodes { id } } }")
				.variable("a", xiantao)
				.variable("b", yangzhou)
				.execute()
				.path("shortestPath.nodes[*].id")
				.entityList(String.class)
				.get());
		}
		assertThat(answers).hasSize(1);
	}

	@Test
	void namesTheMissingEndOfAPathAndRejectsUnknownLabels() {
		this.graphQl.document("{ shortestPath(from: \"Program:hubei\", to: \"Cluster:nope\") { truncated } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND");
				assertThat(error.getMessage()).startsWith("to:");
			}));
		this.graphQl.document(
				"{ shortestPath(from: \"Program:hubei\", to: \"Region:420000\", through: [\"Dataset\"]) { truncated } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

}
