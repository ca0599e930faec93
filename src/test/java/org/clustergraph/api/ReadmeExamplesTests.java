package org.clustergraph.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.clustergraph.GraphTest;
import org.clustergraph.ReadmeExamples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every example query of the README against the seed graph and checks what each is
 * meant to show, so that the examples cannot rot. An example is a {@code graphql} code
 * block whose first line is {@code # example: <name>}.
 */
@GraphTest
class ReadmeExamplesTests {

	@Autowired
	GraphQlTester graphQl;

	@Test
	void everyReadmeExampleAnswersWhatItPromises() {
		Map<String, String> examples = ReadmeExamples.read();
		Map<String, Consumer<GraphQlTester.Response>> checks = checks();
		assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(checks.keySet());
		for (Map.Entry<String, String> example : examples.entrySet()) {
			checks.get(example.getKey()).accept(this.graphQl.document(example.getValue()).execute());
		}
	}

	private static Map<String, Consumer<GraphQlTester.Response>> checks() {
		Map<String, Consumer<GraphQlTester.Response>> checks = new LinkedHashMap<>();
		checks.put("industry-across-provinces", (response) -> {
			List<Integer> widths = response.path("industrySpread[*].provinceCount").entityList(Integer.class).get();
			assertThat(widths).isNotEmpty().allSatisfy((n) -> assertThat(n).isGreaterThanOrEqualTo(5));
			assertThat(widths.reversed()).isSorted();
			assertThat(response.path("industrySpread[0].provinces").entityList(Object.class).get())
				.hasSize(widths.getFirst());
		});
		checks.put("regions-on-several-programs", (response) -> {
			List<Integer> counts = response.path("regionsInMultiplePrograms[*].programCount")
				.entityList(Integer.class)
				.get();
			assertThat(counts).isNotEmpty().allSatisfy((n) -> assertThat(n).isGreaterThanOrEqualTo(3));
			assertThat(response.path("regionsInMultiplePrograms[*].region.code").entityList(String.class).get())
				.contains("330100");
		});
		checks.put("editions", (response) -> {
			assertThat(response.path("program.editions[*].year").entityList(Integer.class).get()).containsExactly(2022,
					2023, 2024);
			assertThat(response.path("program.editions[*].listingCount").entityList(Integer.class).get())
				.containsOnly(100);
			assertThat(response.path("program.editions[*].alsoOnOtherPrograms").entityList(Integer.class).get())
				.anySatisfy((n) -> assertThat(n).isPositive());
		});
		checks.put("list-history", (response) -> {
			assertThat(response.path("compareLists.onlyInFrom.count").entity(Integer.class).get()).isEqualTo(100);
			assertThat(response.path("compareLists.onlyInTo.count").entity(Integer.class).get()).isEqualTo(100);
			assertThat(response.path("compareLists.onlyInFrom.clusters").entityList(Object.class).get()).hasSize(3);
			assertThat(response.path("laterRecognitions.totalCount").entity(Integer.class).get()).isPositive();
			assertThat(response.path("laterRecognitions.items[*].earlier.program.key").entityList(String.class).get())
				.isNotEmpty()
				.doesNotContain("miit-sme");
		});
		checks.put("timeline-and-validity", (response) -> {
			assertThat(response.path("clusters.edges[0].node.timeline[*].program.key").entityList(String.class).get())
				.startsWith("miit-sme")
				.contains("hubei", "most-pilot");
			assertThat(response.path("clusters.edges[0].node.timeline[0].validThrough").entity(Integer.class).get())
				.isEqualTo(2025);
			assertThat(response.path("recognized2025.total").entity(Integer.class).get()).isEqualTo(300);
			assertThat(response.path("recognized2026.total").entity(Integer.class).get()).isEqualTo(200);
		});
		checks.put("facets", (response) -> {
			int total = response.path("clusterFacets.total").entity(Integer.class).get();
			assertThat(total).isGreaterThan(400).isLessThan(608);
			assertThat(response.path("clusterFacets.byProgram[*].count").entityList(Integer.class).get()).hasSize(5)
				.allSatisfy((n) -> assertThat(n).isPositive().isLessThanOrEqualTo(total));
			// a manufacturing cluster of several industries counts in each, farming ones
			// too
			List<String> divisions = response.path("clusterFacets.byIndustry[*].industry.code")
				.entityList(String.class)
				.get();
			assertThat(divisions).isNotEmpty();
			assertThat(Integer.parseInt(divisions.get(0))).isBetween(13, 43);
			assertThat(response.path("clusterFacets.byProvinceAndProgram").entityList(Object.class).get())
				.hasSizeGreaterThan(30);
		});
		checks.put("program-overlap", (response) -> {
			response.path("programOverlap").entityList(Object.class).hasSize(10);
			assertThat(response.path("programOverlap[*].sharedClusters").entityList(Integer.class).get())
				.anySatisfy((n) -> assertThat(n).isPositive());
		});
		checks.put("cluster-with-listings", (response) -> {
			response.path("cluster.listings[*].nameAsListed")
				.entityList(String.class)
				.containsExactly("仙桃市无纺布产业集群", "湖北省仙桃市无纺布产业集群");
			response.path("cluster.industries[*].code").entityList(String.class).containsExactly("1781");
			response.path("cluster.regions[*].code").entityList(String.class).containsExactly("429004");
			assertThat(response.path("cluster.listings[0].decisions[*].aspect").entityList(String.class).get())
				.contains("PLACE", "INDUSTRY", "IDENTITY");
		});
		checks.put("cluster-review", (response) -> {
			assertThat(response.path("cluster.listings[*].program.key").entityList(String.class).get())
				.containsExactlyInAnyOrder("hubei", "miit-sme", "most-pilot");
			assertThat(response.path("cluster.classification[*].confidence").entityList(Double.class).get())
				.isNotEmpty()
				.allSatisfy((c) -> assertThat(c).isBetween(0.0, 1.0));
			assertThat(response.path("cluster.classification[*].evidence").entityList(String.class).get())
				.allSatisfy((e) -> assertThat(e).isNotBlank());
			response.path("cluster.possibleMatches").entityList(Object.class).hasSizeGreaterThan(0);
		});
		checks.put("region-clusters", (response) -> {
			int own = response.path("region.own.totalCount").entity(Integer.class).get();
			int all = response.path("region.clusters.totalCount").entity(Integer.class).get();
			assertThat(all).isGreaterThan(own);
			assertThat(response.path("region.clusters.edges[*].node.regions[*].level").entityList(String.class).get())
				.contains("COUNTY");
			int counties = response.path("region.children.edges[*].node.clusters.totalCount")
				.entityList(Integer.class)
				.get()
				.stream()
				.mapToInt(Integer::intValue)
				.sum();
			assertThat(own + counties).isGreaterThanOrEqualTo(all);
		});
		checks.put("cross-listed-clusters", (response) -> {
			assertThat(response.path("crossListedClusters.totalCount").entity(Integer.class).get()).isPositive();
			assertThat(response.path("crossListedClusters.edges[0].node.programs").entityList(Object.class).get())
				.hasSizeGreaterThanOrEqualTo(2);
		});
		checks.put("search", (response) -> {
			response.path("search").entityList(Object.class).hasSize(5);
			assertThat(response.path("search[0].node.name").entity(String.class).get()).contains("数控机床");
		});
		checks.put("neighbourhood", (response) -> {
			List<String> ids = response.path("neighborhood.nodes[*].id").entityList(String.class).get();
			assertThat(ids).startsWith("Region:429004").contains("Region:420000").hasSizeLessThanOrEqualTo(100);
			assertThat(response.path("neighborhood.edges[*].source").entityList(String.class).get())
				.allMatch(ids::contains);
		});
		checks.put("path", (response) -> {
			List<String> ids = response.path("shortestPath.nodes[*].id").entityList(String.class).get();
			assertThat(ids).startsWith("Cluster:f22e831ce54e").endsWith("Cluster:0289dc341d8b");
			response.path("shortestPath.edges").entityList(Object.class).hasSize(ids.size() - 1);
		});
		checks.put("program-listings", (response) -> {
			response.path("program.listings.totalCount").entity(Integer.class).isEqualTo(100);
			response.path("program.listings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
			List<Integer> ranks = response.path("program.listings.edges[*].node.rank").entityList(Integer.class).get();
			assertThat(ranks).isSorted().hasSize(100).startsWith(1).endsWith(100);
		});
		return checks;
	}

}
