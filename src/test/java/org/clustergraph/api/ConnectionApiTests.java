package org.clustergraph.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relay connections and filters on the seed graph: paging to the end, the edges of the
 * page-size range, foreign cursors, filters that take descendants, and nested connections
 * with their own arguments.
 */
@GraphTest
class ConnectionApiTests {

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
	void pagesThroughEveryClusterOnceWithOpaqueCursors() {
		List<String> ids = new ArrayList<>();
		String after = null;
		int pages = 0;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response response = this.graphQl.document(
					"""
							query($after: String) { clusters(first: 100, after: $after) { totalCount
							  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }""")
				.variable("after", after)
				.execute();
			List<String> page = response.path("clusters.edges[*].node.id").entityList(String.class).get();
			List<String> cursors = response.path("clusters.edges[*].cursor").entityList(String.class).get();
			response.path("clusters.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			response.path("clusters.pageInfo.startCursor").entity(String.class).isEqualTo(cursors.getFirst());
			response.path("clusters.pageInfo.endCursor").entity(String.class).isEqualTo(cursors.getLast());
			response.path("clusters.totalCount")
				.entity(Long.class)
				.isEqualTo(this.graph.count("MATCH (c:Cluster) RETURN count(c) AS n", Map.of()));
			assertThat(cursors).allSatisfy((cursor) -> assertThat(cursor).doesNotContain(":", "cursor"));
			ids.addAll(page);
			after = cursors.getLast();
			hasNext = response.path("clusters.pageInfo.hasNextPage").entity(Boolean.class).get();
			pages++;
		}
		long clusters = this.graph.count("MATCH (c:Cluster) RETURN count(c) AS n", Map.of());
		assertThat(ids).hasSize((int) clusters).doesNotHaveDuplicates();
		assertThat(pages).isEqualTo((int) ((clusters + 99) / 100));
		assertThat(ids).isSorted();
	}

	/**
	 * Every page of a connection from the first, {@code first} at a time, following
	 * {@code endCursor}: the ids or codes in the order given, with checks of each page's
	 * {@code pageInfo} and {@code totalCount} on the way.
	 */
	private List<String> walk(String field, String filter, String item, int first) {
		List<String> items = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		Integer total = null;
		while (hasNext) {
			GraphQlTester.Response response = this.graphQl.document("query($after: String) { page: " + field + "("
					+ filter + " first: " + first
					+ ", after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { "
					+ item + " } } } }")
				.variable("after", after)
				.execute();
			List<String> page = response.path("page.edges[*].node." + item).entityList(String.class).get();
			int count = response.path("page.totalCount").entity(Integer.class).get();
			assertThat(total).as("%s(%s): totalCount on every page", field, filter).isIn(null, count);
			total = count;
			response.path("page.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			hasNext = response.path("page.pageInfo.hasNextPage").entity(Boolean.class).get();
			assertThat(page.size()).as("%s(%s): a full page unless the last", field, filter)
				.isEqualTo(hasNext ? first : page.size())
				.isLessThanOrEqualTo(first);
			items.addAll(page);
			after = response.path("page.pageInfo.endCursor").entity(String.class).get();
			assertThat(items.size()).as("%s(%s): ends", field, filter).isLessThanOrEqualTo(count);
		}
		assertThat(items).as("%s(%s): totalCount counts the items paged", field, filter).hasSize(total);
		return items;
	}

	@Test
	void pagesWithFiltersGiveExactlyTheFilteredItemsInKeyOrder() {
		// Each filter with the clusters it selects, by Cypher of its own: the walk by
		// cursors must give those and only those, in key order, however deep the page.
		Map<String, String> clusters = Map.of("", "MATCH (c:Cluster) RETURN 'Cluster:' + c.key AS s ORDER BY c.key",
				"filter: {region: \"420000\"}",
				"""
						MATCH (c:Cluster) WHERE EXISTS { (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(:Region {code: '420000'}) }
						RETURN 'Cluster:' + c.key AS s ORDER BY c.key""",
				"filter: {industry: \"C\"}",
				"""
						MATCH (c:Cluster) WHERE EXISTS { (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(:Industry {code: 'C'}) }
						RETURN 'Cluster:' + c.key AS s ORDER BY c.key""",
				"filter: {program: \"miit-sme\", year: 2023}", """
						MATCH (c:Cluster) WHERE EXISTS { (c)-[:LISTED_IN {year: 2023}]->(:Program {key: 'miit-sme'}) }
						RETURN 'Cluster:' + c.key AS s ORDER BY c.key""",
				"filter: {nameContains: \"产业\", regionLevel: COUNTY}", """
						MATCH (c:Cluster) WHERE (c.name CONTAINS '产业' OR any(n IN c.names WHERE n CONTAINS '产业'))
						  AND EXISTS { (c)-[:LOCATED_IN]->(:Region {level: 'COUNTY'}) }
						RETURN 'Cluster:' + c.key AS s ORDER BY c.key""");
		clusters.forEach((filter, cypher) -> {
			List<String> expected = this.graph.strings(cypher, Map.of());
			assertThat(expected).as(filter).hasSizeGreaterThan(13);
			assertThat(walk("clusters", filter, "id", 13)).as(filter).containsExactlyElementsOf(expected);
		});
		assertThat(walk("regions", "filter: {level: PREFECTURE}", "code", 37)).containsExactlyElementsOf(this.graph
			.strings("MATCH (r:Region {level: 'PREFECTURE'}) RETURN r.code AS s ORDER BY r.code", Map.of()));
		assertThat(walk("industries", "filter: {hasClusters: true}", "code", 29))
			.containsExactlyElementsOf(this.graph.strings("""
					MATCH (i:Industry) WHERE EXISTS { (i)<-[:BELONGS_TO*0..]-(:Industry)<-[:BELONGS_TO]-(:Cluster) }
					RETURN i.code AS s ORDER BY i.code""", Map.of()));
	}

	@Test
	void refusesACursorOfAnotherFieldNamingAfter() {
		String regions = this.graphQl.document("{ regions(first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("regions.pageInfo.endCursor")
			.entity(String.class)
			.get();
		String crossListed = this.graphQl.document("{ crossListedClusters(first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("crossListedClusters.pageInfo.endCursor")
			.entity(String.class)
			.get();
		String clusters = this.graphQl.document("{ clusters(first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("clusters.pageInfo.endCursor")
			.entity(String.class)
			.get();
		Map<String, String> foreign = Map.of("clusters", regions, "industries", regions, "regions", clusters,
				"crossListedClusters", clusters);
		foreign.forEach(
				(field, cursor) -> this.graphQl.document("{ " + field + "(after: \"" + cursor + "\") { totalCount } }")
					.execute()
					.errors()
					.satisfy((errors) -> assertThat(errors).as(field).singleElement().satisfies((error) -> {
						assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
						assertThat(error.getMessage()).startsWith("after must be a cursor");
					})));
		this.graphQl.document("{ clusters(after: \"" + crossListed + "\") { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).startsWith("after must be a cursor")));
	}

	@Test
	void givesTwentyByDefaultAndAnEmptyPageForFirstZero() {
		this.graphQl.document("{ clusters { edges { node { id } } pageInfo { hasNextPage } } }")
			.execute()
			.path("clusters.edges")
			.entityList(Object.class)
			.hasSize(PageRequest.DEFAULT_FIRST)
			.path("clusters.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
		this.graphQl
			.document("{ clusters(first: 0) { edges { node { id } } pageInfo { hasNextPage startCursor endCursor } } }")
			.execute()
			.path("clusters.edges")
			.entityList(Object.class)
			.hasSize(0)
			.path("clusters.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("clusters.pageInfo.startCursor")
			.valueIsNull();
		this.graphQl.document("{ clusters(first: 100) { edges { node { id } } } }")
			.execute()
			.path("clusters.edges")
			.entityList(Object.class)
			.hasSize(100);
	}

	@Test
	void rejectsPageSizesOutsideTheRangeAndCursorsItDidNotGive() {
		for (String arguments : List.of("first: 101", "first: -1", "after: \"abc\"", "after: \"Y3Vyc29yOnYxOi0x\"")) {
			this.graphQl.document("{ clusters(" + arguments + ") { totalCount } }")
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
					assertThat(error.getMessage()).containsAnyOf("first must be between 0 and 100", "after must be");
				}))
				.path("clusters")
				.pathDoesNotExist();
		}
		this.graphQl.document("{ region(code: \"420000\") { clusters(first: 500) { totalCount } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

	@Test
	void filtersClustersByRegionAndIndustryWithTheirDescendants() {
		String xiantao = this.graph.clusterId("仙桃市无纺布产业集群");
		long inHubei = this.graph.count(
				"""
						MATCH (c:Cluster) WHERE EXISTS { (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(:Region {code: '420000'}) }
						RETURN count(c) AS n""",
				Map.of());
		GraphQlTester.Response response = this.graphQl.document("""
				{ clusters(first: 100, filter: {region: "420000"}) { totalCount edges { node { id } } } }""").execute();
		response.path("clusters.totalCount").entity(Long.class).isEqualTo(inHubei);
		response.path("clusters.edges").entityList(Object.class).hasSize((int) Math.min(100, inHubei));
		this.graphQl.document("{ clusters(first: 100, filter: {region: \"429004\"}) { edges { node { id } } } }")
			.execute()
			.path("clusters.edges[*].node.id")
			.entityList(String.class)
			.contains(xiantao);
		this.graphQl.document(
				"""
						{ clusters(first: 100, filter: {industry: "17", region: "429004"}) { totalCount edges { node { id } } } }""")
			.execute()
			.path("clusters.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(xiantao);
		long miit2024 = this.graph.count("""
				MATCH (c:Cluster) WHERE EXISTS { (c)-[l:LISTED_IN {year: 2024}]->(:Program {key: 'miit-sme'}) }
				RETURN count(c) AS n""", Map.of());
		this.graphQl.document("{ clusters(filter: {program: \"miit-sme\", year: 2024}) { totalCount } }")
			.execute()
			.path("clusters.totalCount")
			.entity(Long.class)
			.isEqualTo(miit2024);
		this.graphQl
			.document("{ clusters(filter: {nameContains: \"无纺布\"}, first: 100) { edges { node { id name } } } }")
			.execute()
			.path("clusters.edges[*].node.id")
			.entityList(String.class)
			.contains(xiantao);
	}

	@Test
	void comparesNameFiltersInNfkcAndIgnoresBlankOnes() {
		// Blanks around the text are dropped, no-break (U+00A0) and ideographic (U+3000)
		// spaces included.
		long xiantao = this.graph.count("MATCH (r:Region) WHERE r.name CONTAINS '仙桃' RETURN count(r) AS n", Map.of());
		assertThat(xiantao).isPositive();
		this.graphQl.document("{ regions(filter: {nameContains: \"\u00a0仙桃\u3000\"}) { totalCount } }")
			.execute()
			.path("regions.totalCount")
			.entity(Long.class)
			.isEqualTo(xiantao);
		// The published name, full-width brackets and all, finds its cluster, and so does
		// the same text typed with ASCII brackets.
		for (String text : List.of("鄂东（麻城、浠水）", "鄂东(麻城、浠水)")) {
			this.graphQl
				.document("{ clusters(filter: {nameContains: \"" + text
						+ "\"}) { edges { node { listings { nameAsListed } } } } }")
				.execute()
				.path("clusters.edges[*].node.listings[*].nameAsListed")
				.entityList(String.class)
				.contains("鄂东（麻城、浠水）汽车配件产业集群");
		}
		long industries = this.graph.count("MATCH (i:Industry) RETURN count(i) AS n", Map.of());
		for (String blank : List.of("  ", "\u00a0", "\u3000")) {
			this.graphQl.document("{ industries(filter: {nameContains: \"" + blank + "\"}) { totalCount } }")
				.execute()
				.path("industries.totalCount")
				.entity(Long.class)
				.isEqualTo(industries);
		}
	}

	@Test
	void answersNotFoundForAFilterNamingWhatTheGraphDoesNotHold() {
		for (String filter : List.of("region: \"999999\"", "industry: \"9999\"", "program: \"nope\"")) {
			this.graphQl.document("{ clusters(filter: {" + filter + "}) { totalCount } }")
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND")));
		}
	}

	@Test
	void pagesARegionsClustersWithOrWithoutItsDescendants() {
		GraphQlTester.Response response = this.graphQl.document("""
				{ region(code: "429004") { own: clusters(includeDescendants: false) { totalCount }
				    all: clusters { totalCount } }
				  hubei: region(code: "420000") { own: clusters(includeDescendants: false) { totalCount }
				    all: clusters(first: 5) { totalCount edges { node { id } } pageInfo { hasNextPage } }
				    children(first: 100) { totalCount edges { node { code level parent { code } } } } } }""").execute();
		long direct = this.graph
			.count("MATCH (:Region {code: '420000'})<-[:LOCATED_IN]-(c:Cluster) RETURN count(c) AS n", Map.of());
		long all = this.graph.count(
				"""
						MATCH (c:Cluster) WHERE EXISTS { (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(:Region {code: '420000'}) }
						RETURN count(c) AS n""",
				Map.of());
		response.path("hubei.own.totalCount").entity(Long.class).isEqualTo(direct);
		response.path("hubei.all.totalCount").entity(Long.class).isEqualTo(all);
		response.path("hubei.all.edges").entityList(Object.class).hasSize(5);
		response.path("hubei.all.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		assertThat(response.path("region.all.totalCount").entity(Integer.class).get()).isGreaterThanOrEqualTo(1);
		List<String> children = response.path("hubei.children.edges[*].node.code").entityList(String.class).get();
		assertThat(children).contains("420100", "429004").isSorted();
		assertThat(response.path("hubei.children.edges[*].node.parent.code").entityList(String.class).get())
			.containsOnly("420000");
	}

	@Test
	void pagesAnIndustrysClustersWithOrWithoutItsDescendantsInKeyOrder() {
		// a division that clusters belong to both directly and through the industries
		// below it, its section, and one of its classes
		String division = this.graph.strings("""
				MATCH (i:Industry)<-[:BELONGS_TO]-(:Cluster) WHERE size(i.code) = 2
				  AND EXISTS { (i)<-[:BELONGS_TO*1..]-(:Industry)<-[:BELONGS_TO]-(:Cluster) }
				RETURN DISTINCT i.code AS s ORDER BY s LIMIT 1""", Map.of()).getFirst();
		String section = this.graph
			.strings("MATCH (:Industry {code: $code})-[:BELONGS_TO]->(p:Industry) RETURN p.code AS s",
					Map.of("code", division))
			.getFirst();
		String leaf = this.graph.strings("""
				MATCH (:Industry {code: $code})<-[:BELONGS_TO*1..]-(x:Industry)<-[:BELONGS_TO]-(:Cluster)
				RETURN DISTINCT x.code AS s ORDER BY s LIMIT 1""", Map.of("code", division)).getFirst();
		String document = """
				query($code: String!, $all: Boolean!, $after: String) { industry(code: $code) {
				  clusters(first: 3, after: $after, includeDescendants: $all) {
				    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }""";
		for (String code : List.of(section, division, leaf)) {
			for (boolean all : List.of(true, false)) {
				List<String> walked = this.graph.strings("""
						MATCH (i:Industry {code: $code})<-[:BELONGS_TO*0..]-(x:Industry)<-[:BELONGS_TO]-(c:Cluster)
						WHERE $all OR x = i
						RETURN DISTINCT 'Cluster:' + c.key AS s ORDER BY s""", Map.of("code", code, "all", all));
				assertThat(walk(document, "industry.clusters", Map.of("code", code, "all", all), walked.size(),
						(response) -> {
						}))
					.as("%s with descendants %s", code, all)
					.isEqualTo(walked);
			}
		}
		assertThat(this.graph.count("""
				MATCH (i:Industry {code: $code})<-[:BELONGS_TO*0..]-(:Industry)<-[:BELONGS_TO]-(c:Cluster)
				RETURN count(DISTINCT c) AS n""", Map.of("code", division))).isGreaterThan(6);
		// the second page of a looked-up cluster's division, read with the lookup
		List<String> members = this.graph.strings("""
				MATCH (:Industry {code: $code})<-[:BELONGS_TO*0..]-(:Industry)<-[:BELONGS_TO]-(c:Cluster)
				RETURN DISTINCT 'Cluster:' + c.key AS s ORDER BY s""", Map.of("code", division));
		String member = this.graph
			.strings("MATCH (:Industry {code: $code})<-[:BELONGS_TO]-(c:Cluster) RETURN 'Cluster:' + c.key AS s",
					Map.of("code", division))
			.getFirst();
		String cursor = this.graphQl.document(document)
			.variable("code", division)
			.variable("all", true)
			.execute()
			.path("industry.clusters.pageInfo.endCursor")
			.entity(String.class)
			.get();
		GraphQlTester.Response lookup = this.graphQl.document("""
				query($id: ID!, $after: String) { cluster(id: $id) { industries { code
				  clusters(first: 3, after: $after) { totalCount edges { node { id } } } } } }""")
			.variable("id", member)
			.variable("after", cursor)
			.execute();
		lookup.path("cluster.industries[?(@.code == '%s')].clusters.totalCount".formatted(division))
			.entityList(Integer.class)
			.containsExactly(members.size());
		lookup.path("cluster.industries[?(@.code == '%s')].clusters.edges[*].node.id".formatted(division))
			.entityList(String.class)
			.isEqualTo(members.subList(3, 6));
	}

	@Test
	void pagesARegionsClustersInKeyOrderFromAProvinceToACounty() {
		// a prefecture with clusters of its own and below it, its province, and a county
		// under it that holds clusters
		String prefecture = this.graph
			.strings("""
					MATCH (r:Region {level: 'PREFECTURE'})<-[:LOCATED_IN]-(:Cluster)
					WHERE EXISTS { (r)<-[:LOCATED_IN*1..]-(:Region)<-[:LOCATED_IN]-(:Cluster) }
					WITH DISTINCT r
					RETURN r.code AS s
					ORDER BY COUNT { (r)<-[:LOCATED_IN*0..]-(:Region)<-[:LOCATED_IN]-(:Cluster) } DESC, s LIMIT 1""",
					Map.of())
			.getFirst();
		String province = this.graph.strings("""
				MATCH (:Region {code: $code})-[:LOCATED_IN*1..]->(p:Region {level: 'PROVINCE'})
				RETURN p.code AS s""", Map.of("code", prefecture)).getFirst();
		String county = this.graph.strings("""
				MATCH (:Region {code: $code})<-[:LOCATED_IN*1..]-(x:Region)<-[:LOCATED_IN]-(:Cluster)
				RETURN DISTINCT x.code AS s ORDER BY s LIMIT 1""", Map.of("code", prefecture)).getFirst();
		String document = """
				query($code: String!, $all: Boolean!, $after: String) { region(code: $code) {
				  clusters(first: 4, after: $after, includeDescendants: $all) {
				    totalCount pageInfo { hasNextPage endCursor } edges { node { id provinces { code } } } } } }""";
		for (String code : List.of(province, prefecture, county)) {
			for (boolean all : List.of(true, false)) {
				List<String> walked = this.graph.strings("""
						MATCH (r:Region {code: $code})<-[:LOCATED_IN*0..]-(x:Region)<-[:LOCATED_IN]-(c:Cluster)
						WHERE $all OR x = r
						RETURN DISTINCT 'Cluster:' + c.key AS s ORDER BY s""", Map.of("code", code, "all", all));
				assertThat(walk(document, "region.clusters", Map.of("code", code, "all", all), walked.size(),
						(response) -> {
							List<String> provinces = response.path("region.clusters.edges[*].node.provinces[*].code")
								.entityList(String.class)
								.get();
							if (all && !provinces.isEmpty()) {
								assertThat(provinces).as("%s's clusters lie in its province", code).contains(province);
							}
						}))
					.as("%s with descendants %s", code, all)
					.isEqualTo(walked);
			}
		}
		assertThat(this.graph.count("""
				MATCH (r:Region {code: $code})<-[:LOCATED_IN*0..]-(:Region)<-[:LOCATED_IN]-(c:Cluster)
				RETURN count(DISTINCT c) AS n""", Map.of("code", prefecture))).isGreaterThan(4);
	}

	/**
	 * Every page of a connection of clusters at a path of the response (such as
	 * {@code region.clusters}), {@code first} at a time as the document asks, following
	 * {@code endCursor}: the ids in the order given, each page's {@code totalCount}
	 * checked and each page handed to a check of its own.
	 */
	private List<String> walk(String document, String connection, Map<String, Object> variables, int total,
			Consumer<GraphQlTester.Response> check) {
		return walk(document, connection, "id", variables, total, check);
	}

	/**
	 * The same walk of any connection, collecting each node's field at a path such as
	 * {@code source.line}, as strings.
	 */
	private List<String> walk(String document, String connection, String item, Map<String, Object> variables, int total,
			Consumer<GraphQlTester.Response> check) {
		List<String> paged = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Request<?> request = this.graphQl.document(document);
			variables.forEach(request::variable);
			GraphQlTester.Response response = request.variable("after", after).execute();
			response.path(connection + ".totalCount").entity(Integer.class).isEqualTo(total);
			paged.addAll(response.path(connection + ".edges[*].node." + item).entityList(String.class).get());
			check.accept(response);
			hasNext = response.path(connection + ".pageInfo.hasNextPage").entity(Boolean.class).get();
			if (hasNext) {
				after = response.path(connection + ".pageInfo.endCursor").entity(String.class).get();
			}
			assertThat(paged.size()).as("%s %s ends", connection, variables).isLessThanOrEqualTo(total);
		}
		return paged;
	}

	@Test
	void pagesAProgramsListingsByEditionInPublishedOrder() {
		GraphQlTester.Response response = this.graphQl.document("""
				{ program(key: "miit-sme") { y2023: listings(year: 2023, first: 100) { totalCount
				      edges { node { year rank program { key } cluster { id } } } }
				    all: listings(first: 3) { totalCount edges { node { year rank } } } }
				  zhejiang: program(key: "zhejiang") { listings { totalCount } } }""").execute();
		response.path("program.y2023.totalCount").entity(Integer.class).isEqualTo(100);
		List<Integer> ranks = response.path("program.y2023.edges[*].node.rank").entityList(Integer.class).get();
		assertThat(ranks).isSorted().hasSize(100).doesNotHaveDuplicates();
		assertThat(response.path("program.y2023.edges[*].node.year").entityList(Integer.class).get())
			.containsOnly(2023);
		assertThat(response.path("program.y2023.edges[*].node.program.key").entityList(String.class).get())
			.containsOnly("miit-sme");
		response.path("program.all.totalCount").entity(Integer.class).isEqualTo(300);
		response.path("program.all.edges[*].node.year").entityList(Integer.class).containsExactly(2022, 2022, 2022);
		response.path("zhejiang.listings.totalCount")
			.entity(Long.class)
			.isEqualTo(this.graph.count("MATCH ()-[l:LISTED_IN]->(:Program {key: 'zhejiang'}) RETURN count(l) AS n",
					Map.of()));
	}

	@Test
	void walksAProgramsListingsByCursorInPublishedOrder() {
		String document = """
				query($key: String!, $year: Int, $after: String) { program(key: $key) {
				  listings(year: $year, first: 7, after: $after) {
				    totalCount pageInfo { hasNextPage endCursor } edges { node { year source { line } } } } } }""";
		for (String key : List.of("miit-sme", "zhejiang", "hubei")) {
			for (Integer year : Arrays.asList(null, 2022, 2023)) {
				Map<String, Object> parameters = new HashMap<>();
				parameters.put("key", key);
				parameters.put("year", year);
				// by year (none last), then rank and cluster key, as the field documents
				List<String> counted = this.graph.strings("""
						MATCH (c:Cluster)-[l:LISTED_IN]->(:Program {key: $key})
						WHERE $year IS NULL OR l.year = $year
						RETURN toString(l.line) AS s ORDER BY l.year, l.rank, c.key""", parameters);
				List<String> walked = walk(document, "program.listings", "source.line", parameters, counted.size(),
						(page) -> {
							if (year != null) {
								assertThat(page.path("program.listings.edges[*].node.year")
									.entityList(Integer.class)
									.get()).isSubsetOf(year);
							}
						});
				assertThat(walked).as("%s in %s", key, year).isEqualTo(counted);
			}
		}
		// a cursor of one edition taken to a later one starts at that edition's first
		// listing, and taken to an earlier one lies past its last
		String cursor = """
				query($year: Int, $first: Int, $after: String) { program(key: "miit-sme") {
				  listings(year: $year, first: $first, after: $after) {
				    totalCount pageInfo { endCursor } edges { node { year rank } } } } }""";
		String in2022 = this.graphQl.document(cursor)
			.variable("year", 2022)
			.variable("first", 5)
			.execute()
			.path("program.listings.pageInfo.endCursor")
			.entity(String.class)
			.get();
		GraphQlTester.Response in2023 = this.graphQl.document(cursor)
			.variable("year", 2023)
			.variable("first", 2)
			.variable("after", in2022)
			.execute();
		in2023.path("program.listings.edges[*].node.rank").entityList(Integer.class).containsExactly(1, 2);
		String after2023 = in2023.path("program.listings.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.document(cursor)
			.variable("year", 2022)
			.variable("first", 2)
			.variable("after", in2022)
			.execute()
			.path("program.listings.edges[*].node.rank")
			.entityList(Integer.class)
			.containsExactly(6, 7);
		GraphQlTester.Response past = this.graphQl.document(cursor)
			.variable("year", 2022)
			.variable("first", 2)
			.variable("after", after2023)
			.execute();
		past.path("program.listings.totalCount").entity(Integer.class).isEqualTo(100);
		past.path("program.listings.edges").entityList(Object.class).hasSize(0);
		assertThat(this.graph.count(
				"MATCH ()-[l:LISTED_IN]->(:Program {key: 'miit-sme'}) WHERE l.year = 2023 " + "RETURN count(l) AS n",
				Map.of()))
			.isGreaterThan(7 * 5);
	}

	@Test
	void listsClustersOfSeveralProgramsMostProgramsFirst() {
		GraphQlTester.Response response = this.graphQl.document("""
				{ crossListedClusters(first: 100) { totalCount edges { node { id programs { key } } } }
				  three: crossListedClusters(minPrograms: 3) { totalCount } }""").execute();
		long expected = this.graph.count("""
				MATCH (c:Cluster) WHERE COUNT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p } >= 2
				RETURN count(c) AS n""", Map.of());
		response.path("crossListedClusters.totalCount").entity(Long.class).isEqualTo(expected);
		List<String> ids = response.path("crossListedClusters.edges[*].node.id").entityList(String.class).get();
		assertThat(ids).hasSize((int) expected)
			.contains(this.graph.clusterId("仙桃市无纺布产业集群"), this.graph.clusterId("扬州数控成形机床创新型产业集群"),
					this.graph.clusterId("永嘉泵阀产业群"));
		List<Integer> programCounts = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			List<String> programs = response.path("crossListedClusters.edges[" + i + "].node.programs[*].key")
				.entityList(String.class)
				.get();
			assertThat(new HashSet<>(programs)).hasSizeGreaterThanOrEqualTo(2);
			programCounts.add(-programs.size());
		}
		assertThat(programCounts).isSorted();
		assertThat(response.path("three.totalCount").entity(Integer.class).get()).isLessThan((int) expected);
		// every cluster listed at all, walked 7 at a time: the same clusters in the same
		// order as counted by hand, most programs first, then by key
		for (int least : List.of(1, 2, 3)) {
			List<String> counted = this.graph.strings("""
					MATCH (c:Cluster) WITH c, COUNT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p } AS n
					WHERE n >= $least
					RETURN 'Cluster:' + c.key AS s ORDER BY n DESC, c.key""", Map.of("least", least));
			List<String> walked = walk(
					"""
							query($least: Int, $after: String) { crossListedClusters(minPrograms: $least, first: 7, after: $after) {
							  totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }""",
					"crossListedClusters", Map.of("least", least), counted.size(), (page) -> {
					});
			assertThat(walked).as("at least %d", least).isEqualTo(counted);
		}
		assertThat(this.graph.count("MATCH (c:Cluster) RETURN count(c) AS n", Map.of())).isGreaterThan(7 * 10);
	}

}
