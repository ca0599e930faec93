package org.clustergraph.api;

import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups of the GraphQL API on the seed graph: programs, clusters with their
 * listings, regions, industries and global ids.
 */
@GraphTest
class QueryApiTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	ApiProperties limits;

	@Test
	void testsTheApiThroughThePathRealClientsTake() {
		// The tester is the HTTP one, so the request passes the interceptors that guard
		// the endpoint: a document longer than the service allows (yet far below
		// graphql-java's own limit) is refused by RequestGuards' parser options. A tester
		// that bypassed them would get the data.
		assertThat(this.graphQl).isInstanceOf(org.springframework.graphql.test.tester.HttpGraphQlTester.class);
		String padded = "{ dataset { listingCount } }" + " ".repeat(this.limits.maxCharacters());
		this.graphQl.document(padded)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).contains(String.format(java.util.Locale.ROOT,
						"More than %,d characters", this.limits.maxCharacters()))));
		this.graphQl.document("{ dataset { listingCount } }")
			.execute()
			.path("dataset.listingCount")
			.entity(Integer.class)
			.isEqualTo(638);
	}

	@Test
	void describesAProgramAlikeWhereverItIsReached() {
		// Reached from a cluster, a program once counted only that cluster as its
		// clusters.
		Map<String, Integer> counts = new java.util.HashMap<>();
		this.graphQl.document("{ programs { key clusterCount } }")
			.execute()
			.path("programs")
			.entityList(Map.class)
			.get()
			.forEach((p) -> counts.put((String) p.get("key"), (Integer) p.get("clusterCount")));
		assertThat(counts).hasSize(5).allSatisfy((key, count) -> assertThat(count).isGreaterThan(40));
		List<Map<String, Object>> reached = this.graphQl
			.document("{ crossListedClusters(first: 20) { edges { node { programs { key clusterCount } } } } }")
			.execute()
			.path("crossListedClusters.edges[*].node.programs[*]")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(reached).hasSizeGreaterThan(20)
			.allSatisfy((p) -> assertThat(p.get("clusterCount")).isEqualTo(counts.get((String) p.get("key"))));
	}

	@Test
	void listsTheFiveProgramsWithWhatTheSourcesState() {
		this.graphQl.document("{ programs { id key issuer level years clusterCount } }")
			.execute()
			.path("programs[*].key")
			.entityList(String.class)
			.containsExactly("hubei", "miit-sme", "most-cultivation", "most-pilot", "zhejiang");
		this.graphQl.document("{ program(key: \"miit-sme\") { id issuer level years clusterCount } }")
			.execute()
			.path("program.years")
			.entityList(Integer.class)
			.containsExactly(2022, 2023, 2024)
			.path("program.issuer")
			.entity(String.class)
			.isEqualTo("工业和信息化部")
			.path("program.clusterCount")
			.entity(Integer.class)
			.isEqualTo(300);
		// The Zhejiang list repeats some entries: they count once.
		Integer zhejiang = this.graphQl.document("{ program(key: \"zhejiang\") { issuer clusterCount } }")
			.execute()
			.path("program.issuer")
			.valueIsNull()
			.path("program.clusterCount")
			.entity(Integer.class)
			.get();
		assertThat(zhejiang).isLessThan(120).isGreaterThan(100);
		this.graphQl.document("{ program(key: \"nope\") { key } }").execute().path("program").valueIsNull();
	}

	@Test
	void showsAClusterWithEveryListingItsSourceAndItsDecisions() {
		String id = this.graphQl.document("{ node(id: \"Region:429004\") { id } }")
			.execute()
			.path("node.id")
			.entity(String.class)
			.get();
		assertThat(id).isEqualTo("Region:429004");
		String clusterId = clusterIdOf("仙桃市无纺布产业集群");
		GraphQlTester.Response response = this.graphQl.document("""
				query($id: ID!) { cluster(id: $id) { id name industryPhrase
				  programs { key } regions { code name } provinces { code }
				  industries { code name level }
				  listings { program { key } cluster { id } year rank nameAsListed
				    source { document line url } placedIn { code } decisions { aspect rule detail } } } }""")
			.variable("id", clusterId)
			.execute();
		response.path("cluster.programs[*].key").entityList(String.class).containsExactly("hubei", "miit-sme");
		response.path("cluster.regions[*].code").entityList(String.class).containsExactly("429004");
		response.path("cluster.provinces[*].code").entityList(String.class).containsExactly("420000");
		response.path("cluster.industries[*].code").entityList(String.class).containsExactly("1781");
		assertThat(response.path("cluster.listings[*].nameAsListed").entityList(String.class).get())
			.containsExactlyInAnyOrder("仙桃市无纺布产业集群", "湖北省仙桃市无纺布产业集群");
		response.path("cluster.listings[0].source.line").entity(Integer.class).isEqualTo(941);
		response.path("cluster.listings[1].year").entity(Integer.class).isEqualTo(2024);
		response.path("cluster.listings[1].cluster.id").entity(String.class).isEqualTo(clusterId);
		List<String> aspects = response.path("cluster.listings[0].decisions[*].aspect").entityList(String.class).get();
		assertThat(aspects).contains("PLACE", "INDUSTRY", "IDENTITY");
	}

	@Test
	void walksRegionsUpTheTreeAndIndustriesBothWays() {
		GraphQlTester.Response region = this.graphQl
			.document("{ region(code: \"330411101\") { id name level parent { code } ancestors { code level } "
					+ "programs { key } } }")
			.execute();
		region.path("region.name").entity(String.class).isEqualTo("王江泾镇");
		region.path("region.level").entity(String.class).isEqualTo("TOWNSHIP");
		region.path("region.parent.code").entity(String.class).isEqualTo("330411");
		region.path("region.ancestors[*].code").entityList(String.class).containsExactly("330000", "330400", "330411");
		region.path("region.programs[*].key").entityList(String.class).contains("zhejiang");
		GraphQlTester.Response industry = this.graphQl
			.document("{ industry(code: \"342\") { level parent { code } children { code } provinces { code } } }")
			.execute();
		industry.path("industry.level").entity(String.class).isEqualTo("GROUP");
		industry.path("industry.parent.code").entity(String.class).isEqualTo("34");
		industry.path("industry.children[*].code").entityList(String.class).contains("3421", "3422");
		industry.path("industry.provinces[*].code").entityList(String.class).contains("320000");
	}

	@Test
	void resolvesEveryKindOfGlobalIdAndAnswersNullForUnknownOnes() {
		for (Map.Entry<String, String> entry : Map
			.of("Program:hubei", "Program", "Region:330000", "Region", "Industry:3422", "Industry",
					clusterIdOf("永嘉泵阀产业群"), "Cluster")
			.entrySet()) {
			this.graphQl.document("query($id: ID!) { node(id: $id) { __typename id } }")
				.variable("id", entry.getKey())
				.execute()
				.path("node.__typename")
				.entity(String.class)
				.isEqualTo(entry.getValue())
				.path("node.id")
				.entity(String.class)
				.isEqualTo(entry.getKey());
		}
		for (String unknown : List.of("Region:999999", "Nothing:1", "no-colon", "Cluster:000000000000")) {
			this.graphQl.document("query($id: ID!) { node(id: $id) { id } }")
				.variable("id", unknown)
				.execute()
				.path("node")
				.valueIsNull();
		}
	}

	@Autowired
	org.springframework.data.neo4j.core.Neo4jClient neo4j;

	private String clusterIdOf(String nameAsListed) {
		return new ApiTestSupport(this.neo4j).clusterId(nameAsListed);
	}

}
