package org.clustergraph.api;

import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the API shows what resolution decided and how sure it is: each cluster's
 * classification with its confidence and evidence, and the clusters it may be one with,
 * checked against the graph read with Cypher of the test's own.
 */
@GraphTest
class ResolutionApiTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Neo4jClient neo4j;

	@Test
	void givesEveryIndustryOfAClusterItsRuleConfidenceEvidenceAndSources() {
		String id = new ApiTestSupport(this.neo4j).clusterId("十堰商用车及部件创新型产业集群");
		List<Map<String, Object>> classification = this.graphQl
			.document("query($id: ID!) { cluster(id: $id) { industries { code } classification { industry { code } "
					+ "confidence rule evidence sources { document line } } } }")
			.variable("id", id)
			.execute()
			.path("cluster.classification")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		List<String> industries = this.graphQl.document("query($id: ID!) { cluster(id: $id) { industries { code } } }")
			.variable("id", id)
			.execute()
			.path("cluster.industries[*].code")
			.entityList(String.class)
			.get();
		assertThat(classification.stream().map((c) -> (String) ((Map<?, ?>) c.get("industry")).get("code")).toList())
			.containsExactlyElementsOf(industries);
		assertThat(industries).contains("3670");
		assertThat(classification).allSatisfy((c) -> {
			assertThat(((Number) c.get("confidence")).doubleValue()).isBetween(0.0, 1.0);
			assertThat((String) c.get("rule")).isNotBlank();
			assertThat((String) c.get("evidence")).isNotBlank();
			assertThat((List<?>) c.get("sources")).isNotEmpty();
		});
		// 部件 after 商用车 takes the parts class of what it is a part of
		assertThat(classification).filteredOn((c) -> "3670".equals(((Map<?, ?>) c.get("industry")).get("code")))
			.singleElement()
			.satisfies((c) -> assertThat((String) c.get("evidence")).contains("部件"));
	}

	@Test
	void servesThePossibleMatchesTheGraphHoldsFromBothEnds() {
		List<Map<String, Object>> pairs = this.neo4j
			.query("MATCH (a:Cluster)-[m:POSSIBLY_SAME]->(b:Cluster) RETURN a.key AS a, b.key AS b, m.score AS score "
					+ "ORDER BY score DESC, a, b LIMIT 1")
			.fetch()
			.all()
			.stream()
			.toList();
		assertThat(pairs).as("the seed graph has possible matches").isNotEmpty();
		String a = (String) pairs.get(0).get("a");
		String b = (String) pairs.get(0).get("b");
		double score = ((Number) pairs.get(0).get("score")).doubleValue();
		for (String[] ends : List.of(new String[] { a, b }, new String[] { b, a })) {
			this.graphQl
				.document("query($id: ID!) { cluster(id: $id) { possibleMatches { cluster { id } score evidence } } }")
				.variable("id", "Cluster:" + ends[0])
				.execute()
				.path("cluster.possibleMatches[*].cluster.id")
				.entityList(String.class)
				.contains("Cluster:" + ends[1])
				.path("cluster.possibleMatches[0].score")
				.entity(Double.class)
				.satisfies((s) -> assertThat(s).isGreaterThanOrEqualTo(score - 1e-9));
		}
	}

	@Test
	void keepsTheTownsClusterApartFromItsCountysButOffersItAsAPossibleMatch() {
		ApiTestSupport support = new ApiTestSupport(this.neo4j);
		String yaqian = support.clusterId("衙前化纤产业集群");
		String xiaoshan = support.clusterId("萧山化纤产业群");
		assertThat(yaqian).isNotEqualTo(xiaoshan);
		this.graphQl.document("query($id: ID!) { cluster(id: $id) { possibleMatches { cluster { id } evidence } } }")
			.variable("id", yaqian)
			.execute()
			.path("cluster.possibleMatches[*].cluster.id")
			.entityList(String.class)
			.contains(xiaoshan);
	}

	@Test
	void mergesTheIssuesExamplesIntoOneClusterEach() {
		ApiTestSupport support = new ApiTestSupport(this.neo4j);
		assertThat(support.clusterId("十堰市商用汽车产业集群")).isEqualTo(support.clusterId("十堰商用车及部件创新型产业集群"))
			.isEqualTo(support.clusterId("湖北省十堰市茅箭区商用车制造产业集群"));
		assertThat(support.clusterId("天津市滨海新区自主可控信息安全设备产业集群")).isEqualTo(support.clusterId("天津基于国产自主可控的信息安全产业集群"));
		assertThat(support.clusterId("黄岩模具产业群")).isEqualTo(support.clusterId("台州黄岩塑料模具集群"))
			.isEqualTo(support.clusterId("浙江省台州市黄岩区塑料成型模具产业集群"));
	}

}
