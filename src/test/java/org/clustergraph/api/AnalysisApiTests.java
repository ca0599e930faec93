package org.clustergraph.api;

import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The cross-list questions on the seed graph, checked against the lookups of the same API
 * and against Cypher written for the test.
 */
@GraphTest
class AnalysisApiTests {

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
	void findsPrefectureLevelUnitsOnSeveralProgramsIncludingMunicipalitiesAndProvinceAdministeredCities() {
		GraphQlTester.Response response = this.graphQl.document("""
				{ regionsInMultiplePrograms(level: PREFECTURE) { region { code level parent { level } }
				    programCount programs { key } clusterCount } }""").execute();
		List<String> codes = response.path("regionsInMultiplePrograms[*].region.code").entityList(String.class).get();
		// 仙桃 (a county-level city under 湖北) is on the Hubei and MIIT lists; 北京 is a
		// municipality.
		assertThat(codes).contains("429004", "110000").doesNotContain("110108", "420000");
		List<Integer> counts = response.path("regionsInMultiplePrograms[*].programCount")
			.entityList(Integer.class)
			.get();
		assertThat(counts).allSatisfy((n) -> assertThat(n).isGreaterThanOrEqualTo(2));
		assertThat(counts.reversed()).isSorted();
		for (int i = 0; i < codes.size(); i++) {
			String at = "regionsInMultiplePrograms[" + i + "]";
			response.path(at + ".programs").entityList(Object.class).hasSize(counts.get(i));
			String level = response.path(at + ".region.level").entity(String.class).get();
			String parentLevel = (level.equals("PROVINCE")) ? null
					: response.path(at + ".region.parent.level").entity(String.class).get();
			assertThat(level.equals("PREFECTURE") || level.equals("PROVINCE")
					|| (level.equals("COUNTY") && "PROVINCE".equals(parentLevel)))
				.as("%s is a prefecture-level unit", codes.get(i))
				.isTrue();
		}
		int hangzhou = codes.indexOf("330100");
		assertThat(hangzhou).isNotNegative();
		long inHangzhou = this.graph.count(
				"""
						MATCH (c:Cluster) WHERE EXISTS { (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(:Region {code: '330100'}) }
						RETURN count(c) AS n""",
				Map.of());
		response.path("regionsInMultiplePrograms[" + hangzhou + "].clusterCount")
			.entity(Long.class)
			.isEqualTo(inHangzhou);
		this.graphQl.document("{ regionsInMultiplePrograms(level: COUNTY, minPrograms: 3) { region { level } } }")
			.execute()
			.path("regionsInMultiplePrograms[*].region.level")
			.entityList(String.class)
			.satisfies((levels) -> assertThat(levels).isNotEmpty().containsOnly("COUNTY"));
	}

	@Test
	void spreadsIndustriesOverProvincesWidestFirst() {
		GraphQlTester.Response response = this.graphQl.document("""
				{ industrySpread(level: DIVISION, minProvinces: 10) { industry { code level }
				    provinceCount provinces { code level } clusterCount } }""").execute();
		List<Integer> widths = response.path("industrySpread[*].provinceCount").entityList(Integer.class).get();
		assertThat(widths).isNotEmpty().allSatisfy((n) -> assertThat(n).isGreaterThanOrEqualTo(10));
		assertThat(widths.reversed()).isSorted();
		assertThat(response.path("industrySpread[*].industry.level").entityList(String.class).get())
			.containsOnly("DIVISION");
		String top = response.path("industrySpread[0].industry.code").entity(String.class).get();
		List<String> provinces = response.path("industrySpread[0].provinces[*].code").entityList(String.class).get();
		assertThat(provinces).hasSize(widths.getFirst()).isSorted();
		this.graphQl.document("query($code: String!) { industry(code: $code) { provinces { code } } }")
			.variable("code", top)
			.execute()
			.path("industry.provinces[*].code")
			.entityList(String.class)
			.isEqualTo(provinces);
		response.path("industrySpread[0].clusterCount")
			.entity(Long.class)
			.isEqualTo(this.graph.count(
					"""
							MATCH (c:Cluster) WHERE EXISTS { (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(:Industry {code: $code}) }
							RETURN count(c) AS n""",
					Map.of("code", top)));
	}

	@Test
	void comparesEveryPairOfProgramsOnce() {
		GraphQlTester.Response response = this.graphQl
			.document(
					"""
							{ programOverlap { a { key clusterCount } b { key clusterCount } sharedClusters sharedRegions clusterJaccard }
							  counties: programOverlap(regionLevel: COUNTY) { a { key } b { key } sharedRegions } }""")
			.execute();
		List<String> as = response.path("programOverlap[*].a.key").entityList(String.class).get();
		List<String> bs = response.path("programOverlap[*].b.key").entityList(String.class).get();
		assertThat(as).hasSize(10);
		for (int i = 0; i < as.size(); i++) {
			assertThat(as.get(i)).isLessThan(bs.get(i));
			String at = "programOverlap[" + i + "]";
			long shared = this.graph.count("""
					MATCH (:Program {key: $a})<-[:LISTED_IN]-(c:Cluster)-[:LISTED_IN]->(:Program {key: $b})
					RETURN count(DISTINCT c) AS n""", Map.of("a", as.get(i), "b", bs.get(i)));
			response.path(at + ".sharedClusters").entity(Long.class).isEqualTo(shared);
			int sizeA = response.path(at + ".a.clusterCount").entity(Integer.class).get();
			int sizeB = response.path(at + ".b.clusterCount").entity(Integer.class).get();
			double jaccard = response.path(at + ".clusterJaccard").entity(Double.class).get();
			assertThat(jaccard).isCloseTo((double) shared / (sizeA + sizeB - shared), within(1e-9));
		}
		// 仙桃's 无纺布 cluster is on both the Hubei and the MIIT lists: they share it and its
		// city.
		int pair = -1;
		for (int i = 0; i < as.size(); i++) {
			if (as.get(i).equals("hubei") && bs.get(i).equals("miit-sme")) {
				pair = i;
			}
		}
		assertThat(pair).isNotNegative();
		assertThat(response.path("programOverlap[" + pair + "].sharedClusters").entity(Integer.class).get())
			.isPositive();
		assertThat(response.path("programOverlap[" + pair + "].sharedRegions").entity(Integer.class).get())
			.isPositive();
		assertThat(response.path("counties[*].a.key").entityList(String.class).get()).isEqualTo(as);
	}

	/**
	 * The narrowed forms answer exactly the pairs of the full answer that involve the
	 * program and share at least the minimum, with the same figures.
	 */
	@Test
	void narrowsProgramOverlapToTheTwoProgramsOfAQuestion() {
		GraphQlTester.Response response = this.graphQl
			.document(
					"""
							{ all: programOverlap(regionLevel: COUNTY) { a { key } b { key } sharedClusters sharedRegions }
							  hubei: programOverlap(regionLevel: COUNTY, program: "hubei") { a { key } b { key } sharedClusters sharedRegions }
							  shared: programOverlap(regionLevel: COUNTY, minSharedClusters: 1) { a { key } b { key } sharedClusters sharedRegions }
							  both: programOverlap(regionLevel: COUNTY, program: "hubei", minSharedClusters: 1) {
							    a { key } b { key } sharedClusters sharedRegions } }""")
			.execute();
		List<Map<String, Object>> all = pairs(response, "all");
		assertThat(all).hasSize(10);
		List<Map<String, Object>> withHubei = all.stream()
			.filter((pair) -> key(pair, "a").equals("hubei") || key(pair, "b").equals("hubei"))
			.toList();
		List<Map<String, Object>> sharing = all.stream()
			.filter((pair) -> ((Number) pair.get("sharedClusters")).intValue() >= 1)
			.toList();
		assertThat(withHubei).hasSize(4);
		assertThat(pairs(response, "hubei")).isEqualTo(withHubei);
		// the seed's lists share clusters in some pairs and not in others
		assertThat(sharing).isNotEmpty().hasSizeLessThan(all.size());
		assertThat(pairs(response, "shared")).isEqualTo(sharing);
		assertThat(pairs(response, "both")).isEqualTo(withHubei.stream().filter(sharing::contains).toList())
			.isNotEmpty();
	}

	@Test
	void rejectsANegativeMinimumAndAnUnknownProgramInProgramOverlap() {
		refused("{ programOverlap(minSharedClusters: -1) { sharedClusters } }", "BAD_REQUEST",
				"minSharedClusters must be at least 0");
		refused("{ programOverlap(program: \"hubie\") { sharedClusters } }", "NOT_FOUND",
				"no program has the key 'hubie'");
	}

	/**
	 * Asserts that a document is answered with one error of a type, whose message says
	 * what is given.
	 */
	private void refused(String document, String type, String message) {
		this.graphQl.document(document)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).as(document).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType().toString()).isEqualTo(type);
				assertThat(error.getMessage()).contains(message);
			}));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> pairs(GraphQlTester.Response response, String alias) {
		return (List<Map<String, Object>>) (List<?>) response.path(alias).entityList(Map.class).get();
	}

	private static String key(Map<String, Object> pair, String side) {
		return String.valueOf(((Map<?, ?>) pair.get(side)).get("key"));
	}

	@Test
	void rejectsThresholdsBelowOne() {
		for (String query : List.of("{ regionsInMultiplePrograms(level: PREFECTURE, minPrograms: 0) { programCount } }",
				"{ industrySpread(level: CLASS, minProvinces: -2) { provinceCount } }",
				"{ crossListedClusters(minPrograms: 0) { totalCount } }")) {
			refused(query, "BAD_REQUEST", "must be at least 1");
		}
	}

}
