package org.clustergraph.bench;

import java.util.Map;

import org.clustergraph.api.KeysetPage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The benchmark's answer reductions and options, without a service, a peer or a database:
 * the API's and the peer's responses of one answer, shaped by their own schemas, reduce
 * to the same text, and different answers do not.
 */
class CanonicalQueryTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aLookupReducesAlikeFromTheApiAndThePeer() {
		CanonicalQuery query = CanonicalQuery.clusterById();
		String ours = query.fromGraphql().apply(data("""
				{"cluster": {"id": "Cluster:f22e831ce54e", "name": "仙桃无纺布", "industryPhrase": "无纺布",
				  "regions": [{"code": "429004", "name": "仙桃市"}],
				  "industries": [{"code": "1781", "name": "非织造布制造"}, {"code": "1762", "name": "毛织造加工"}]}}"""));
		String peer = query.peer().fromGraphql().apply(data("""
				{"clusters": [{"key": "f22e831ce54e", "name": "仙桃无纺布", "industryPhrase": "无纺布",
				  "regions": [{"code": "429004", "name": "仙桃市"}],
				  "industries": [{"code": "1762", "name": "毛织造加工"}, {"code": "1781", "name": "非织造布制造"}]}]}"""));
		assertThat(peer).isEqualTo(ours);
		assertThat(query.peer().fromGraphql().apply(data("{\"clusters\": []}")))
			.isEqualTo(query.fromGraphql().apply(data("{\"cluster\": null}")));
		assertThat(query.peer().fromGraphql().apply(data("{\"clusters\": [{\"key\": \"a\"}, {\"key\": \"b\"}]}")))
			.startsWith("several clusters");
	}

	@Test
	void theTwoHopQueryComparesThePeersInOtherProvincesWithTheirNames() {
		CanonicalQuery query = CanonicalQuery.industryPeers();
		String ours = query.fromGraphql()
			.apply(data(
					"""
							{"cluster": {"id": "Cluster:a", "name": "A", "provinces": [{"code": "420000"}],
							  "industries": [{"code": "3670", "name": "汽车零部件", "clusters": {"totalCount": 3, "edges": [
							    {"node": {"id": "Cluster:a", "name": "A", "provinces": [{"code": "420000", "name": "湖北省"}]}},
							    {"node": {"id": "Cluster:b", "name": "B", "provinces": [{"code": "330000", "name": "浙江省"}]}},
							    {"node": {"id": "Cluster:c", "name": "C", "provinces": [{"code": "420000", "name": "湖北省"}]}}]}}]}}"""));
		String peerJson = """
				{"clusters": [{"key": "a", "name": "A", "provinces": [{"code": "420000"}],
				  "industries": [{"code": "3670", "name": "汽车零部件", "allClusterCount": 3, "allClusters": [
				    {"key": "a", "name": "A", "provinces": [{"code": "420000", "name": "湖北省"}]},
				    {"key": "b", "name": "%s", "provinces": [{"code": "330000", "name": "浙江省"}]},
				    {"key": "c", "name": "C", "provinces": [{"code": "420000", "name": "湖北省"}]}]}]}]}""";
		assertThat(query.peer().fromGraphql().apply(data(peerJson.formatted("B")))).isEqualTo(ours)
			.contains("Cluster:b B")
			.doesNotContain("Cluster:c");
		assertThat(query.peer().fromGraphql().apply(data(peerJson.formatted("another name")))).isNotEqualTo(ours);
	}

	@Test
	void aListPageKeepsItsOrderAndListsEachProgramOnce() {
		CanonicalQuery query = CanonicalQuery.clustersOfRegion();
		String ours = query.fromGraphql().apply(data("""
				{"clusters": {"totalCount": 2, "edges": [
				  {"node": {"id": "Cluster:a", "name": "A", "provinces": [{"code": "420000", "name": "湖北省"}],
				    "industries": [{"code": "26", "name": "化学"}], "programs": [{"key": "hubei"}, {"key": "miit-sme"}]}},
				  {"node": {"id": "Cluster:b", "name": "B", "provinces": [{"code": "420000", "name": "湖北省"}],
				    "industries": [], "programs": [{"key": "hubei"}]}}]}}"""));
		String peer = query.peer().fromGraphql().apply(data("""
				{"clustersConnection": {"totalCount": 2, "edges": [
				  {"node": {"key": "a", "name": "A", "provinces": [{"code": "420000", "name": "湖北省"}],
				    "industries": [{"code": "26", "name": "化学"}],
				    "programs": [{"key": "miit-sme"}, {"key": "hubei"}, {"key": "miit-sme"}]}},
				  {"node": {"key": "b", "name": "B", "provinces": [{"code": "420000", "name": "湖北省"}],
				    "industries": [], "programs": [{"key": "hubei"}]}}]}}"""));
		assertThat(peer).isEqualTo(ours);
		String reordered = query.peer()
			.fromGraphql()
			.apply(data(
					"""
							{"clustersConnection": {"totalCount": 2, "edges": [
							  {"node": {"key": "b", "name": "B", "provinces": [{"code": "420000", "name": "湖北省"}],
							    "industries": [], "programs": [{"key": "hubei"}]}},
							  {"node": {"key": "a", "name": "A", "provinces": [{"code": "420000", "name": "湖北省"}],
							    "industries": [{"code": "26", "name": "化学"}], "programs": [{"key": "hubei"}, {"key": "miit-sme"}]}}]}}"""));
		assertThat(reordered).isNotEqualTo(ours);
	}

	@Test
	void eachSideGetsTheArgumentInItsOwnForm() {
		CanonicalQuery lookup = CanonicalQuery.clusterById();
		assertThat(lookup.graphqlVariables("Cluster:f22e831ce54e")).isEqualTo(Map.of("id", "Cluster:f22e831ce54e"));
		assertThat(lookup.peerVariables("Cluster:f22e831ce54e")).isEqualTo(Map.of("key", "f22e831ce54e"));
		assertThat(lookup.cypherParameters("Cluster:f22e831ce54e")).isEqualTo(Map.of("key", "f22e831ce54e"));
		CanonicalQuery page = CanonicalQuery.clustersOfRegion();
		assertThat(page.peerVariables("420000")).isEqualTo(Map.of("region", "420000"));
		assertThat(CanonicalQuery.regionsInMultiplePrograms().graphqlVariables("")).isEmpty();
		CanonicalQuery search = CanonicalQuery.search();
		assertThat(search.graphqlVariables("数控机床")).isEqualTo(Map.of("text", "数控机床"));
		assertThat(search.cypherParameters("ＡＢ-1"))
			.isEqualTo(Map.of("query", "\"ab\\-1\"^4 OR (ab\\-1)", "pairs", false));
		assertThat(search.cypherParameters("数控机床")).containsEntry("pairs", true);
		assertThat(search.cypherParameters("数 控")).containsEntry("pairs", false);
		CanonicalQuery deep = CanonicalQuery.deepPage();
		assertThat(deep.cypherParameters("f22e831ce54e")).isEqualTo(Map.of("after", "f22e831ce54e"));
		assertThat(
				KeysetPage.of("clusters", 20, (String) deep.graphqlVariables("f22e831ce54e").get("after")).afterKey())
			.isEqualTo("f22e831ce54e");
	}

	@Test
	void aPageOfClustersReducesAlikeFromTheApiAndTheFloorIncludingWhetherMoreFollow() {
		CanonicalQuery page = CanonicalQuery.firstPage();
		String ours = page.fromGraphql()
			.apply(data(
					"""
							{"clusters": {"edges": [{"node": {"id": "Cluster:a", "name": "A"}}], "pageInfo": {"hasNextPage": false}}}"""));
		assertThat(ours).isEqualTo("[Cluster:a A] next false");
		assertThat(page.fromGraphql()
			.apply(data(
					"""
							{"clusters": {"edges": [{"node": {"id": "Cluster:a", "name": "A"}}], "pageInfo": {"hasNextPage": true}}}""")))
			.isNotEqualTo(ours);
	}

	@Test
	void aRegionsFacetsReduceToTheirGroupsInAnyOrderWithTheirCounts() {
		CanonicalQuery query = CanonicalQuery.facetsOfRegion();
		String facets = """
				{"clusterFacets": {"total": 3, "byProgram": [{"program": {"key": "%s"}, "count": 2}, {"program": {"key": "b"}, "count": 1}],
				  "byIndustry": [{"industry": {"code": "34"}, "count": 2}, {"industry": {"code": "13"}, "count": 1}],
				  "byRegionLevel": [{"regionLevel": "COUNTY", "count": %d}, {"regionLevel": "ZONE", "count": 1}]}}""";
		String ours = query.fromGraphql().apply(data(facets.formatted("a", 2)));
		assertThat(ours)
			.isEqualTo("total 3 | programs [a 2, b 1] | divisions [13 1, 34 2] | levels [COUNTY 2, ZONE 1]");
		assertThat(query.fromGraphql().apply(data(facets.formatted("c", 2)))).isNotEqualTo(ours);
		assertThat(query.fromGraphql().apply(data(facets.formatted("a", 1)))).isNotEqualTo(ours);
		assertThat(query.graphqlVariables("330000")).isEqualTo(Map.of("region", "330000"));
		assertThat(query.cypherParameters("330000")).isEqualTo(Map.of("region", "330000"));
	}

	@Test
	void aComparisonReducesToItsSidesWithTheirCountsAndFirstIds() {
		CanonicalQuery query = CanonicalQuery.listAgainstTheNationalList();
		String comparison = """
				{"compareLists": {"onlyInFrom": {"count": %d, "clusters": [{"id": "Cluster:a", "name": "A"}]},
				  "onlyInTo": {"count": 0, "clusters": []},
				  "inBoth": {"count": 2, "clusters": [{"id": "Cluster:b", "name": "B"}, {"id": "Cluster:%s", "name": "C"}]}}}""";
		String ours = query.fromGraphql().apply(data(comparison.formatted(1, "c")));
		assertThat(ours).isEqualTo("onlyInFrom 1 [Cluster:a] | onlyInTo 0 [] | inBoth 2 [Cluster:b, Cluster:c]");
		assertThat(query.fromGraphql().apply(data(comparison.formatted(3, "c")))).isNotEqualTo(ours);
		assertThat(query.fromGraphql().apply(data(comparison.formatted(1, "d")))).isNotEqualTo(ours);
		assertThat(query.graphqlVariables("zhejiang")).isEqualTo(Map.of("program", "zhejiang"));
		assertThat(query.graphql()).contains("to: {program: \"miit-sme\"}");
	}

	@Test
	void optionsTakeThePeerRoundsAndCheckingEveryArgument() {
		ApiBenchmark.Options options = ApiBenchmark.Options.parse(new String[] { "--peer=http://127.0.0.1:4095/graphql",
				"--rounds=3", "--check=all", "--queries=1,5", "--check=all" });
		assertThat(options.peer()).isEqualTo("http://127.0.0.1:4095/graphql");
		assertThat(options.rounds()).isEqualTo(3);
		assertThat(options.check()).isEqualTo(Integer.MAX_VALUE);
		assertThat(options.queries()).containsExactly(1, 5);
		ApiBenchmark.Options defaults = ApiBenchmark.Options.parse(new String[0]);
		assertThat(defaults.peer()).isNull();
		assertThat(defaults.rounds()).isEqualTo(1);
		assertThat(defaults.queries()).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiBenchmark.Options.parse(new String[] { "--rounds=0" }));
		assertThatIllegalArgumentException().isThrownBy(() -> ApiBenchmark.Options.parse(new String[] { "--peers=x" }));
	}

	private JsonNode data(String text) {
		return this.json.readTree(text);
	}

}
