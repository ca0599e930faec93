package org.clustergraph.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import org.clustergraph.GraphTest;
import org.clustergraph.ingest.ListingCsvExporter;
import org.clustergraph.ingest.internal.Csv;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.Reads;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code clusterFacets} and {@code Program.editions} against counts computed another way:
 * from the spreadsheet export, one row per listing, grouped in plain Java.
 */
@GraphTest
class FacetsApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() {
	};

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	ListingCsvExporter exporter;

	@Autowired
	Reads reads;

	@Autowired
	Driver driver;

	@Autowired
	SessionConfig sessionConfig;

	/** Per program and year: the cluster id of each listing, from the export. */
	private final Map<String, Map<Integer, List<String>>> editions = new TreeMap<>();

	/**
	 * Per cluster id: its programs, provinces and industry divisions, from the export.
	 */
	private final Map<String, Set<String>> programs = new TreeMap<>();

	private final Map<String, Set<String>> provinces = new TreeMap<>();

	private final Map<String, Set<String>> divisions = new TreeMap<>();

	@BeforeEach
	void readTheExport(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("listings.csv");
		this.exporter.export(file);
		for (Csv.Row row : Csv.read("listings.csv", Files.readAllLines(file, StandardCharsets.UTF_8), "cluster_id",
				"program", "year", "province_code", "industry_codes")) {
			String id = row.get("cluster_id");
			if (!row.get("year").isEmpty()) {
				this.editions.computeIfAbsent(row.get("program"), (k) -> new TreeMap<>())
					.computeIfAbsent(Integer.valueOf(row.get("year")), (k) -> new java.util.ArrayList<>())
					.add(id);
			}
			this.programs.computeIfAbsent(id, (k) -> new LinkedHashSet<>()).add(row.get("program"));
			Set<String> own = this.provinces.computeIfAbsent(id, (k) -> new LinkedHashSet<>());
			split(row.get("province_code")).forEach(own::add);
			Set<String> codes = this.divisions.computeIfAbsent(id, (k) -> new LinkedHashSet<>());
			split(row.get("industry_codes")).stream()
				.filter((code) -> code.length() >= 2 && Character.isDigit(code.charAt(0)))
				.forEach((code) -> codes.add(code.substring(0, 2)));
		}
	}

	@Test
	void countsEveryFacetAsTheExportDoes() {
		GraphQlTester.Response response = this.graphQl
			.document(
					"""
							{ clusterFacets { total byProvince { region { code } count } byProgram { program { key } count }
							  byIndustry { industry { code level } count } byProvinceAndProgram { region { code } program { key } count }
							  byIndustryAndProgram(level: DIVISION) { industry { code } program { key } count } } }""")
			.execute();
		assertThat(response.path("clusterFacets.total").entity(Integer.class).get()).isEqualTo(this.programs.size())
			.isEqualTo(608);
		assertThat(counts(response, "byProvince", (r) -> code(r, "region")))
			.isEqualTo(expected((id) -> true, (id) -> this.provinces.get(id)));
		assertThat(counts(response, "byProgram", (r) -> key(r))).isEqualTo(expected((id) -> true, this.programs::get));
		assertThat(counts(response, "byIndustry", (r) -> code(r, "industry")))
			.isEqualTo(expected((id) -> true, this.divisions::get));
		assertThat(counts(response, "byProvinceAndProgram", (r) -> code(r, "region") + "|" + key(r)))
			.isEqualTo(expected((id) -> true, (id) -> pairs(this.provinces.get(id), this.programs.get(id))));
		assertThat(counts(response, "byIndustryAndProgram", (r) -> code(r, "industry") + "|" + key(r)))
			.isEqualTo(expected((id) -> true, (id) -> pairs(this.divisions.get(id), this.programs.get(id))));
		// without the pairs, the same facets come from the counts the load recorded
		GraphQlTester.Response single = this.graphQl.document("""
				{ clusterFacets { total byProvince { region { code } count } byProgram { program { key } count }
				  byIndustry { industry { code level } count } } }""").execute();
		assertThat(single.path("clusterFacets.total").entity(Integer.class).get()).isEqualTo(this.programs.size());
		assertThat(counts(single, "byProvince", (r) -> code(r, "region")))
			.isEqualTo(expected((id) -> true, (id) -> this.provinces.get(id)));
		assertThat(counts(single, "byProgram", (r) -> key(r))).isEqualTo(expected((id) -> true, this.programs::get));
		assertThat(counts(single, "byIndustry", (r) -> code(r, "industry")))
			.isEqualTo(expected((id) -> true, this.divisions::get));
		// most first
		List<Integer> provinceCounts = response.path("clusterFacets.byProvince[*].count")
			.entityList(Integer.class)
			.get();
		assertThat(provinceCounts).isSortedAccordingTo((a, b) -> b - a);
	}

	@Test
	void countsOnlyTheClustersTheFilterKeeps() {
		GraphQlTester.Response response = this.graphQl.document("""
				{ clusterFacets(filter: {program: "zhejiang"}) { total byProgram { program { key } count }
				  byProvince { region { code } count } } }""").execute();
		Predicate<String> zhejiang = (id) -> this.programs.get(id).contains("zhejiang");
		assertThat(response.path("clusterFacets.total").entity(Integer.class).get())
			.isEqualTo((int) this.programs.keySet().stream().filter(zhejiang).count());
		// the other programs that list the same clusters: the cross-list view
		Map<String, Integer> byProgram = counts(response, "byProgram", (r) -> key(r));
		assertThat(byProgram).isEqualTo(expected(zhejiang, this.programs::get));
		assertThat(byProgram).containsKey("miit-sme").containsKey("zhejiang");
		assertThat(counts(response, "byProvince", (r) -> code(r, "region"))).containsOnlyKeys("330000");
	}

	@Test
	void countsTheLevelsOfTheRegionsClustersAreLocatedInAndSectionsOnRequest() {
		GraphQlTester.Response response = this.graphQl.document("""
				{ clusterFacets(filter: {region: "420000"}) { total byRegionLevel { regionLevel count }
				  sections: byIndustry(level: SECTION) { industry { code level } count }
				  divisions: byIndustry(level: DIVISION) { industry { level } count } } }""").execute();
		// the same clusters' regions, read through Cluster.regions
		List<Map<String, Object>> clusters = clusters(Map.of("region", "420000"), "regions { level }");
		Map<String, Integer> levels = new TreeMap<>();
		for (Map<String, Object> cluster : clusters) {
			Set<String> own = new LinkedHashSet<>();
			for (Object region : (List<?>) cluster.get("regions")) {
				own.add((String) ((Map<?, ?>) region).get("level"));
			}
			own.forEach((level) -> levels.merge(level, 1, Integer::sum));
		}
		assertThat(response.path("clusterFacets.total").entity(Integer.class).get()).isEqualTo(clusters.size());
		assertThat(counts(response, "byRegionLevel", (r) -> (String) r.get("regionLevel"))).isEqualTo(levels);
		// and filtering by a level keeps the clusters located in a region of it
		for (Map.Entry<String, Integer> level : levels.entrySet()) {
			assertThat(this.graphQl.document(
					"query($l: RegionLevel) { clusters(filter: {region: \"420000\", regionLevel: $l}) { totalCount } }")
				.variable("l", level.getKey())
				.execute()
				.path("clusters.totalCount")
				.entity(Integer.class)
				.get()).as(level.getKey()).isEqualTo(level.getValue());
		}
		assertThat(response.path("clusterFacets.sections[*].industry.level").entityList(String.class).get())
			.isNotEmpty()
			.containsOnly("SECTION");
		assertThat(response.path("clusterFacets.divisions[*].industry.level").entityList(String.class).get())
			.isNotEmpty()
			.containsOnly("DIVISION");
	}

	@Test
	void countsEachEditionAsTheExportDoes() {
		List<Map<String, Object>> programs = this.graphQl.document("""
				{ programs { key editions { year listingCount clusterCount newClusters seenInEarlierEdition
				  alsoOnOtherPrograms } } }""").execute().path("programs").entityList(ROW).get();
		for (Map<String, Object> program : programs) {
			String key = (String) program.get("key");
			Map<Integer, List<String>> byYear = this.editions.getOrDefault(key, Map.of());
			List<?> editions = (List<?>) program.get("editions");
			assertThat(editions).as(key).hasSize(byYear.size());
			Set<String> earlier = new LinkedHashSet<>();
			int i = 0;
			for (Map.Entry<Integer, List<String>> edition : byYear.entrySet()) {
				Set<String> clusters = new LinkedHashSet<>(edition.getValue());
				long seen = clusters.stream().filter(earlier::contains).count();
				long elsewhere = clusters.stream()
					.filter((id) -> this.programs.get(id).stream().anyMatch((p) -> !p.equals(key)))
					.count();
				assertThat((Map<?, ?>) editions.get(i++)).as("%s %s", key, edition.getKey())
					.isEqualTo(Map.of("year", edition.getKey(), "listingCount", edition.getValue().size(),
							"clusterCount", clusters.size(), "newClusters", (int) (clusters.size() - seen),
							"seenInEarlierEdition", (int) seen, "alsoOnOtherPrograms", (int) elsewhere));
				earlier.addAll(clusters);
			}
		}
		assertThat(this.editions.get("miit-sme")).containsOnlyKeys(2022, 2023, 2024);
	}

	@Test
	void refusesAFilterNamingWhatTheGraphDoesNotHold() {
		this.graphQl.document("{ clusterFacets(filter: {program: \"nope\"}) { total } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).contains("filter.program")));
	}

	/**
	 * With no filter and none of the pairs asked, the facets are read from the counts the
	 * load recorded on the provinces, programs, industries and the dataset: each answer
	 * is the one counting the clusters gives, facet by facet and at every industry level.
	 */
	@Test
	void readsTheFacetsOfEveryClusterFromTheLoadsCountsAsCountingGivesThem() {
		Map<String, @Nullable Object> parameters = new HashMap<>();
		for (String filter : List.of("region", "regionLevel", "industry", "program", "year", "recognizedIn",
				"nameContains")) {
			parameters.put(filter, null);
		}
		parameters.put("industryProgramLevels", List.of());
		List<String> facets = List.of("province", "program", "regionLevel");
		for (int asked = 0; asked <= facets.size(); asked++) {
			Map<String, Boolean> want = new HashMap<>(Map.of("provinceProgram", false));
			for (int i = 0; i < facets.size(); i++) {
				want.put(facets.get(i), asked == facets.size() || asked == i);
			}
			parameters.put("want", want);
			parameters.put("industryLevels",
					(asked == facets.size()) ? List.of("SECTION", "DIVISION", "GROUP", "CLASS") : List.of());
			Map<String, Object> recorded = this.reads.one("api/cluster-facets-of-all", parameters).orElseThrow();
			Map<String, Object> counted = this.reads.one("api/cluster-facets", parameters).orElseThrow();
			for (String column : List.of("total", "byProvince", "byProgram", "byIndustry", "byRegionLevel")) {
				assertThat(recorded.get(column)).as("%s with %s", column, want).isEqualTo(counted.get(column));
			}
			if (asked == facets.size()) {
				assertThat(recorded)
					.allSatisfy((column, value) -> assertThat(value).as(column).isNotEqualTo(List.of()));
				assertThat((List<?>) recorded.get("byIndustry")).hasSize(4)
					.allSatisfy((level) -> assertThat((List<?>) ((Map<?, ?>) level).get("counts")).isNotEmpty());
			}
		}
		// a graph loaded before the load recorded the counts by region level answers no
		// row, and the facets are counted (in a transaction rolled back)
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			tx.run("MATCH (d:Dataset) REMOVE d.clustersByRegionLevel").consume();
			assertThat(tx.run(CypherFiles.get("api/cluster-facets-of-all"), parameters).list()).isEmpty();
			tx.rollback();
		}
	}

	/**
	 * The facets of a filter count the clusters its list page holds, whichever way the
	 * clusters are selected: a province's, a prefecture's, a county's or a zone's from
	 * their indexes, an industry's (a section that holds most clusters, a division, a
	 * class), a program's (each program, alone and with an edition year), and every
	 * cluster for the filters that name none of them.
	 */
	@Test
	void countsTheClustersTheListPageOfEachKindOfFilterHolds() {
		List<Map<String, Object>> filters = new java.util.ArrayList<>();
		try (Session session = this.driver.session(this.sessionConfig)) {
			for (String level : List.of("PROVINCE", "PREFECTURE", "COUNTY", "ZONE")) {
				session.run("""
						MATCH (r:Region {level: $level}) WHERE r.treeMemberCount > 0
						RETURN r.code AS code ORDER BY r.treeMemberCount DESC, code LIMIT 1""", Map.of("level", level))
					.list((row) -> row.get("code").asString())
					.forEach((code) -> filters.add(Map.of("region", code)));
			}
			// the section with the most clusters, read as every cluster; the division and
			// the
			// group whose clusters are spread over the most industries below, read as the
			// merge of their runs; the class with the most clusters, one run
			for (String level : List.of("SECTION", "DIVISION", "GROUP", "CLASS")) {
				session.run("""
						MATCH (i:Industry {level: $level}) WHERE i.treeMemberCount > 0
						RETURN i.code AS code
						ORDER BY CASE WHEN $level IN ['DIVISION', 'GROUP'] THEN size(i.memberIndustries) END DESC,
						  i.treeMemberCount DESC, code
						LIMIT 1""", Map.of("level", level))
					.list((row) -> row.get("code").asString())
					.forEach((code) -> filters.add(Map.of("industry", code)));
			}
		}
		assertThat(filters).hasSize(8);
		Set<String> programKeys = new TreeSet<>();
		this.programs.values().forEach(programKeys::addAll);
		assertThat(programKeys).hasSizeGreaterThan(3);
		for (String program : programKeys) {
			filters.add(Map.of("program", program));
			this.editions.getOrDefault(program, Map.of())
				.keySet()
				.stream()
				.findFirst()
				.ifPresent((year) -> filters.add(Map.of("program", program, "year", year)));
		}
		filters.add(Map.of("region", "420000", "industry", "C"));
		filters.add(Map.of("industry", "C", "program", "zhejiang"));
		filters.add(Map.of("program", "hubei", "regionLevel", "COUNTY"));
		filters.add(Map.of("regionLevel", "COUNTY"));
		filters.add(Map.of("year", 2024));
		filters.add(Map.of("year", 2023, "regionLevel", "COUNTY", "nameContains", "产业"));
		filters.add(Map.of("nameContains", "机"));
		filters.add(Map.of("nameContains", "产业", "recognizedIn", 2021));
		filters.add(Map.of("recognizedIn", 2010));
		filters.add(Map.of("recognizedIn", 2023));
		// after the last year the load counted
		filters.add(Map.of("recognizedIn", 2040));
		for (Map<String, Object> filter : filters) {
			GraphQlTester.Response response = this.graphQl.document(
					"""
							query($filter: ClusterFilter) { clusterFacets(filter: $filter) { total
							  byProvince { region { code } count } byProgram { program { key } count }
							  byRegionLevel { regionLevel count } byIndustry(level: DIVISION) { industry { code } count } } }""")
				.variable("filter", filter)
				.execute();
			Map<String, Integer> provinces = new TreeMap<>();
			Map<String, Integer> programs = new TreeMap<>();
			Map<String, Integer> levels = new TreeMap<>();
			Map<String, Integer> divisions = new TreeMap<>();
			List<Map<String, Object>> clusters = clusters(filter,
					"provinces { code } programs { key } regions { level } industries { code }");
			for (Map<String, Object> cluster : clusters) {
				tally(provinces, cluster, "provinces", "code", (code) -> code);
				tally(programs, cluster, "programs", "key", (key) -> key);
				tally(levels, cluster, "regions", "level", (level) -> level);
				tally(divisions, cluster, "industries", "code",
						(code) -> (code.length() >= 2 && Character.isDigit(code.charAt(0))) ? code.substring(0, 2)
								: null);
			}
			assertThat(response.path("clusterFacets.total").entity(Integer.class).get()).as("%s", filter)
				.isEqualTo(clusters.size());
			// the total alone is the list pages' count
			assertThat(
					this.graphQl.document("query($filter: ClusterFilter) { clusterFacets(filter: $filter) { total } }")
						.variable("filter", filter)
						.execute()
						.path("clusterFacets.total")
						.entity(Integer.class)
						.get())
				.as("the total alone of %s", filter)
				.isEqualTo(clusters.size());
			assertThat(counts(response, "byProvince", (r) -> code(r, "region"))).as("%s", filter).isEqualTo(provinces);
			assertThat(counts(response, "byProgram", (r) -> key(r))).as("%s", filter).isEqualTo(programs);
			assertThat(counts(response, "byRegionLevel", (r) -> (String) r.get("regionLevel"))).as("%s", filter)
				.isEqualTo(levels);
			assertThat(counts(response, "byIndustry", (r) -> code(r, "industry"))).as("%s", filter)
				.isEqualTo(divisions);
		}
	}

	/**
	 * Every cluster of a filter's list, page after page, each with its id and the fields
	 * asked.
	 */
	private List<Map<String, Object>> clusters(Map<String, Object> filter, String fields) {
		List<Map<String, Object>> clusters = new java.util.ArrayList<>();
		String after = null;
		do {
			GraphQlTester.Response page = this.graphQl
				.document(
						"""
								query($filter: ClusterFilter, $after: String) { clusters(first: 100, after: $after, filter: $filter) {
								  pageInfo { hasNextPage endCursor } edges { node { id %s } } } }"""
							.formatted(fields))
				.variable("filter", filter)
				.variable("after", after)
				.execute();
			clusters.addAll(page.path("clusters.edges[*].node").entityList(ROW).get());
			after = page.path("clusters.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("clusters.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		return clusters;
	}

	/** Counts a cluster once in each group its list field gives. */
	private static void tally(Map<String, Integer> counts, Map<String, Object> cluster, String list, String field,
			Function<String, @Nullable String> group) {
		Set<String> groups = new LinkedHashSet<>();
		for (Object item : (List<?>) cluster.get(list)) {
			String value = group.apply((String) ((Map<?, ?>) item).get(field));
			if (value != null) {
				groups.add(value);
			}
		}
		groups.forEach((value) -> counts.merge(value, 1, Integer::sum));
	}

	private Map<String, Integer> expected(Predicate<String> kept, Function<String, Set<String>> groups) {
		Map<String, Integer> counts = new TreeMap<>();
		this.programs.keySet()
			.stream()
			.filter(kept)
			.forEach((id) -> groups.apply(id).forEach((group) -> counts.merge(group, 1, Integer::sum)));
		return counts;
	}

	private static Set<String> pairs(Set<String> left, Set<String> right) {
		Set<String> pairs = new LinkedHashSet<>();
		left.forEach((l) -> right.forEach((r) -> pairs.add(l + "|" + r)));
		return pairs;
	}

	private static Map<String, Integer> counts(GraphQlTester.Response response, String facet,
			Function<Map<String, Object>, String> group) {
		Map<String, Integer> counts = new TreeMap<>();
		for (Map<String, Object> row : response.path("clusterFacets." + facet).entityList(ROW).get()) {
			Integer before = counts.put(group.apply(row), ((Number) row.get("count")).intValue());
			assertThat(before).as("%s lists %s once", facet, group.apply(row)).isNull();
		}
		return counts;
	}

	private static String code(Map<String, Object> row, String field) {
		return (String) ((Map<?, ?>) row.get(field)).get("code");
	}

	private static String key(Map<String, Object> row) {
		return (String) ((Map<?, ?>) row.get("program")).get("key");
	}

	private static List<String> split(String field) {
		return field.isEmpty() ? List.of() : List.of(field.split(";"));
	}

}
