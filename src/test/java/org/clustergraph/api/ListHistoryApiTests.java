package org.clustergraph.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.clustergraph.GraphTest;
import org.clustergraph.cluster.ListHistoryController;
import org.clustergraph.ingest.ListingCsvExporter;
import org.clustergraph.ingest.internal.Csv;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.program.ListingOrder;
import org.clustergraph.program.RecognitionOrder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compareLists}, {@code laterRecognitions}, {@code Cluster.timeline} and the
 * {@code recognizedIn} filter against answers computed another way: from the spreadsheet
 * export (one row per listing) and the validity periods the program descriptors state, in
 * plain Java.
 */
@GraphTest
class ListHistoryApiTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	ListingCsvExporter exporter;

	@Autowired
	Driver driver;

	@Autowired
	SessionConfig sessionConfig;

	/** Every listing of the export. */
	private final List<Row> rows = new ArrayList<>();

	/** The validity period of each program that states one, from the descriptors. */
	private final Map<String, Integer> validity = new HashMap<>();

	record Row(String program, Integer year, int rank, String cluster, String name) {
	}

	@BeforeEach
	void readTheExportAndTheDescriptors(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("listings.csv");
		this.exporter.export(file);
		for (Csv.Row row : Csv.read("listings.csv", Files.readAllLines(file, StandardCharsets.UTF_8), "program", "year",
				"rank", "cluster_id", "name_as_listed")) {
			this.rows
				.add(new Row(row.get("program"), row.get("year").isEmpty() ? null : Integer.valueOf(row.get("year")),
						Integer.parseInt(row.get("rank")), row.get("cluster_id"), row.get("name_as_listed")));
		}
		JsonNode programs = JsonMapper.builder()
			.build()
			.readTree(Files.readString(Path.of("seeds/reference/programs.json"), StandardCharsets.UTF_8));
		for (JsonNode program : programs.path("programs")) {
			if (program.has("validity")) {
				this.validity.put(program.path("key").asString(), program.path("validity").path("years").asInt());
			}
		}
		assertThat(this.validity).containsEntry("miit-sme", 3);
	}

	/** The export's listings by cluster id. */
	private Map<String, List<Row>> byCluster() {
		Map<String, List<Row>> byCluster = new TreeMap<>();
		this.rows.forEach((r) -> byCluster.computeIfAbsent(r.cluster(), (k) -> new ArrayList<>()).add(r));
		return byCluster;
	}

	private Set<String> clustersOf(String program, Integer year) {
		return this.rows.stream()
			.filter((r) -> r.program().equals(program) && (year == null || year.equals(r.year())))
			.map(Row::cluster)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Lists and editions compared: program, year or null, program, year or null. */
	private static final List<String[]> PAIRS = List.of(new String[] { "miit-sme", "2022", "miit-sme", "2023" },
			new String[] { "miit-sme", "2023", "miit-sme", "2024" },
			new String[] { "most-pilot", null, "miit-sme", null }, new String[] { "hubei", null, "miit-sme", "2022" },
			new String[] { "zhejiang", null, "zhejiang", null },
			new String[] { "miit-sme", "2023", "miit-sme", "2023" },
			new String[] { "miit-sme", null, "most-cultivation", null },
			new String[] { "miit-sme", "2024", "miit-sme", null }, new String[] { "zhejiang", null, "hubei", null },
			new String[] { "miit-sme", null, "miit-sme", null });

	@Test
	void comparesEveryPairOfListsAndEditionsAsTheExportDoes() {
		for (String[] pair : PAIRS) {
			Integer fromYear = (pair[1] != null) ? Integer.valueOf(pair[1]) : null;
			Integer toYear = (pair[3] != null) ? Integer.valueOf(pair[3]) : null;
			Set<String> from = clustersOf(pair[0], fromYear);
			Set<String> to = clustersOf(pair[2], toYear);
			Set<String> both = new TreeSet<>(from);
			both.retainAll(to);
			Set<String> onlyFrom = new TreeSet<>(from);
			onlyFrom.removeAll(to);
			Set<String> onlyTo = new TreeSet<>(to);
			onlyTo.removeAll(from);
			GraphQlTester.Response response = this.graphQl.document("""
					query($fp: String!, $fy: Int, $tp: String!, $ty: Int) {
					  compareLists(from: {program: $fp, year: $fy}, to: {program: $tp, year: $ty}, first: 5) {
					    onlyInFrom { count clusters { id } } onlyInTo { count clusters { id } }
					    inBoth { count clusters { id } } } }""")
				.variable("fp", pair[0])
				.variable("fy", fromYear)
				.variable("tp", pair[2])
				.variable("ty", toYear)
				.execute();
			String what = String.join(" ", java.util.Arrays.stream(pair).map(String::valueOf).toList());
			for (Map.Entry<String, Set<String>> side : Map
				.of("onlyInFrom", onlyFrom, "onlyInTo", onlyTo, "inBoth", both)
				.entrySet()) {
				assertThat(response.path("compareLists." + side.getKey() + ".count").entity(Integer.class).get())
					.as("%s %s", what, side.getKey())
					.isEqualTo(side.getValue().size());
				assertThat(response.path("compareLists." + side.getKey() + ".clusters[*].id")
					.entityList(String.class)
					.get()).as("%s %s", what, side.getKey())
					.containsExactlyElementsOf(side.getValue().stream().limit(5).toList());
			}
		}
	}

	/**
	 * Whether two whole programs are compared from the load's count of the clusters they
	 * share, the smaller list's clusters are looked up in the larger, or both lists are
	 * read whole, every pair compares the same. Each pair is compared by the default,
	 * with the lookup taken wherever the larger list is a whole program and with it
	 * forbidden; then the same three again on the graph without the shared counts, as one
	 * loaded before they were recorded. Among the pairs, the default counts
	 * most-cultivation (47 clusters) against miit-sme (300), and miit-sme against itself.
	 */
	@Test
	void comparesEveryPairTheSameFromTheSharedCountsByLookingUpTheSmallerListAndByReadingBoth() {
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			Map<String, String> read = new TreeMap<>();
			for (String[] pair : PAIRS) {
				String what = String.join(" ", java.util.Arrays.stream(pair).map(String::valueOf).toList());
				read.put(what, compared(tx, pair, Integer.MAX_VALUE));
				assertThat(compared(tx, pair, 1)).as(what).isEqualTo(read.get(what));
				assertThat(compared(tx, pair, ListHistoryController.LOOKUP_AT)).as(what).isEqualTo(read.get(what));
			}
			tx.run("MATCH (p:Program) REMOVE p.sharedWith, p.sharedClusters").consume();
			for (String[] pair : PAIRS) {
				String what = String.join(" ", java.util.Arrays.stream(pair).map(String::valueOf).toList());
				assertThat(compared(tx, pair, Integer.MAX_VALUE)).as(what).isEqualTo(read.get(what));
				assertThat(compared(tx, pair, 1)).as(what).isEqualTo(read.get(what));
				assertThat(compared(tx, pair, ListHistoryController.LOOKUP_AT)).as(what).isEqualTo(read.get(what));
			}
			tx.rollback();
		}
	}

	/**
	 * On a graph loaded before the listings carried their cluster's key, which the
	 * indexes compareLists reads need, the statement says so, and the walk compares the
	 * lists with the same answers.
	 */
	@Test
	void comparesListsOnAGraphLoadedBeforeListingsCarriedTheirClusterAsFromTheIndexes() {
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			Map<String, String> indexed = new TreeMap<>();
			for (String[] pair : PAIRS) {
				indexed.put(String.join(" ", java.util.Arrays.stream(pair).map(String::valueOf).toList()),
						compared(tx, pair, ListHistoryController.LOOKUP_AT));
			}
			assertThat(indexed.values()).doesNotContain("[]");
			tx.run("MATCH ()-[l:LISTED_IN]->() REMOVE l.cluster").consume();
			for (String[] pair : PAIRS) {
				String what = String.join(" ", java.util.Arrays.stream(pair).map(String::valueOf).toList());
				assertThat(
						tx.run(CypherFiles.get("api/compare-lists"), parameters(pair, ListHistoryController.LOOKUP_AT))
							.list((row) -> row.get("indexed").asBoolean()))
					.as(what)
					.containsExactly(false);
				assertThat(rows(tx, "api/compare-lists-walk", pair, 0)).as(what).isEqualTo(indexed.get(what));
			}
			tx.rollback();
		}
	}

	/** The parameters of api/compare-lists for a pair. */
	private static Map<String, Object> parameters(String[] pair, int lookupAt) {
		Map<String, Object> parameters = new HashMap<>();
		Integer fromYear = (pair[1] != null) ? Integer.valueOf(pair[1]) : null;
		Integer toYear = (pair[3] != null) ? Integer.valueOf(pair[3]) : null;
		parameters.put("fromProgram", pair[0]);
		parameters.put("fromYear", fromYear);
		parameters.put("fromStart", ListingOrder.from(fromYear, ""));
		parameters.put("fromEnd", ListingOrder.to(fromYear));
		parameters.put("toProgram", pair[2]);
		parameters.put("toYear", toYear);
		parameters.put("toStart", ListingOrder.from(toYear, ""));
		parameters.put("toEnd", ListingOrder.to(toYear));
		parameters.put("first", 5);
		parameters.put("lookupAt", lookupAt);
		return parameters;
	}

	/** The rows of api/compare-lists for a pair, side by side, on the indexed path. */
	private static String compared(QueryRunner tx, String[] pair, int lookupAt) {
		List<Record> records = tx.run(CypherFiles.get("api/compare-lists"), parameters(pair, lookupAt)).list();
		assertThat(records).as("indexed").isNotEmpty().allMatch((row) -> row.get("indexed").asBoolean());
		return sides(records);
	}

	private static String rows(QueryRunner tx, String statement, String[] pair, int lookupAt) {
		return sides(tx.run(CypherFiles.get(statement), parameters(pair, lookupAt)).list());
	}

	private static String sides(List<Record> records) {
		return records.stream()
			.map((row) -> row.get("side").asString() + " " + row.get("clusters").asInt() + " "
					+ row.get("keys").asList(Value::asString))
			.sorted()
			.toList()
			.toString();
	}

	@Test
	void filtersClustersRecognizedInAYearByTheStatedValidity() {
		for (int year = 2020; year <= 2029; year++) {
			int y = year;
			long expected = this.rows.stream().filter((r) -> r.year() != null && r.year() <= y).filter((r) -> {
				Integer period = this.validity.get(r.program());
				return period == null || r.year() + period >= y;
			}).map(Row::cluster).distinct().count();
			int answered = this.graphQl
				.document("query($y: Int) { clusters(filter: {recognizedIn: $y}) { totalCount } }")
				.variable("y", y)
				.execute()
				.path("clusters.totalCount")
				.entity(Integer.class)
				.get();
			assertThat(answered).as("recognized in %d", y).isEqualTo((int) expected);
			int faceted = this.graphQl
				.document("query($y: Int) { clusterFacets(filter: {recognizedIn: $y}) { total } }")
				.variable("y", y)
				.execute()
				.path("clusterFacets.total")
				.entity(Integer.class)
				.get();
			assertThat(faceted).as("facets recognized in %d", y).isEqualTo((int) expected);
		}
		// a 2022 designation of three years still holds in 2025, not in 2026
		assertThat(this.graphQl.document("""
				{ clusters(filter: {program: "miit-sme", year: 2022}, first: 1) {
				  edges { node { listings { year validThrough } } } } }""")
			.execute()
			.path("clusters.edges[0].node.listings[?(@.year == 2022)].validThrough")
			.entityList(Integer.class)
			.get()).containsExactly(2025);
	}

	@Test
	void givesEveryListingOfAClusterInDateOrder() {
		Map<String, List<Row>> byCluster = byCluster();
		List<String> several = byCluster.entrySet()
			.stream()
			.filter((e) -> e.getValue().size() > 1)
			.map(Map.Entry::getKey)
			.toList();
		assertThat(several).hasSizeGreaterThan(10);
		for (String id : several) {
			List<String> expected = byCluster.get(id)
				.stream()
				.sorted(Comparator.comparing(Row::year, Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(Row::program)
					.thenComparing(Row::rank))
				.map((r) -> r.program() + "|" + r.year() + "|" + r.name())
				.toList();
			List<Map<String, Object>> timeline = this.graphQl.document(
					"query($id: ID!) { node(id: $id) { ... on Cluster { timeline { program { key } year nameAsListed } } } }")
				.variable("id", id)
				.execute()
				.path("node.timeline")
				.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			assertThat(timeline.stream()
				.map((t) -> ((Map<?, ?>) t.get("program")).get("key") + "|" + t.get("year") + "|"
						+ t.get("nameAsListed"))
				.toList()).as(id).containsExactlyElementsOf(expected);
		}
	}

	/**
	 * One row of laterRecognitions as the export gives it: the cluster, the lag, the
	 * earlier listing's program and year, the later listing's year.
	 */
	record Later(String cluster, @Nullable Integer lag, String earlierProgram, @Nullable Integer earlierYear,
			@Nullable Integer laterYear) {
	}

	/**
	 * A program's rows of laterRecognitions computed from the export: for each cluster it
	 * lists, its first listing (earliest year, then rank) and the earliest other
	 * program's listing before it (by year, then program key and rank; listings without a
	 * year only when asked, and only where no dated one precedes); longest lag first, the
	 * unknown last, then by cluster id.
	 */
	private List<Later> laterRecognitions(String program, boolean undated) {
		Comparator<Row> earliest = Comparator.comparing(Row::year, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Row::program)
			.thenComparingInt(Row::rank);
		List<Later> rows = new ArrayList<>();
		byCluster().forEach((id, listings) -> {
			Row later = listings.stream().filter((r) -> r.program().equals(program)).min(earliest).orElse(null);
			if (later == null) {
				return;
			}
			listings.stream()
				.filter((r) -> !r.program().equals(program))
				.filter((r) -> (r.year() != null) ? later.year() != null && r.year() < later.year() : undated)
				.min(earliest)
				.ifPresent((r) -> rows.add(new Later(id, (r.year() != null) ? later.year() - r.year() : null,
						r.program(), r.year(), later.year())));
		});
		rows.sort(Comparator.comparing(Later::lag, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(Later::cluster));
		return rows;
	}

	@Test
	void givesEveryProgramsLaterRecognitionsInTheOrderTheExportGives() {
		Set<String> programs = this.rows.stream().map(Row::program).collect(Collectors.toCollection(TreeSet::new));
		int dated = 0;
		int undatedOnly = 0;
		for (String program : programs) {
			for (boolean undated : List.of(true, false)) {
				List<Later> expected = laterRecognitions(program, undated);
				GraphQlTester.Response response = this.graphQl.document("""
						query($p: String, $u: Boolean) { laterRecognitions(program: $p, undated: $u, first: 100) {
						  totalCount items { cluster { id } earlier { program { key } year }
						  later { program { key } year } lagYears } } }""")
					.variable("p", program)
					.variable("u", undated)
					.execute();
				String what = program + ", undated " + undated;
				assertThat(response.path("laterRecognitions.totalCount").entity(Integer.class).get()).as(what)
					.isEqualTo(expected.size());
				List<Map<String, Object>> items = response.path("laterRecognitions.items")
					.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
					})
					.get();
				List<Later> given = items.stream()
					.map((item) -> new Later((String) ((Map<?, ?>) item.get("cluster")).get("id"),
							(Integer) item.get("lagYears"), key(item.get("earlier")),
							(Integer) ((Map<?, ?>) item.get("earlier")).get("year"),
							(Integer) ((Map<?, ?>) item.get("later")).get("year")))
					.toList();
				assertThat(given).as(what)
					.containsExactlyElementsOf(expected.subList(0, Math.min(100, expected.size())));
				assertThat(items).as(what).allSatisfy((item) -> assertThat(key(item.get("later"))).isEqualTo(program));
				assertThat(this.graphQl.document("""
						query($p: String, $u: Boolean) { laterRecognitions(program: $p, undated: $u, first: 0) {
						  totalCount items { lagYears } } }""")
					.variable("p", program)
					.variable("u", undated)
					.execute()
					.path("laterRecognitions.totalCount")
					.entity(Integer.class)
					.get()).as("%s, no items asked", what).isEqualTo(expected.size());
				if (undated) {
					dated += (int) expected.stream().filter((r) -> r.lag() != null).count();
					undatedOnly += (int) expected.stream().filter((r) -> r.lag() == null).count();
				}
			}
		}
		// the seeds' 科技部 and provincial lists have no editions: their clusters on MIIT's
		// list and on each other count, without a lag (ProgramSummariesTests has lags)
		assertThat(undatedOnly).as("rows without a lag").isPositive();
		assertThat(dated).as("rows with one").isZero();
		assertThat(laterRecognitions("miit-sme", true)).as("the default program's rows").isNotEmpty();
	}

	/**
	 * On a graph loaded before the load recorded the rows, the service walks the
	 * program's clusters instead (api/later-recognitions-walk): the walk gives the rows
	 * the recorded ones give, and the recorded statement says when it cannot answer.
	 */
	@Test
	void walksTheRowsTheLoadRecordsOnAGraphLoadedBeforeItRecordedThem() {
		Set<String> programs = this.rows.stream().map(Row::program).collect(Collectors.toCollection(TreeSet::new));
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			int compared = 0;
			for (String program : programs) {
				for (boolean undated : List.of(true, false)) {
					Map<String, Object> parameters = Map.of("program", program, "undated", undated, "first", 100, "end",
							RecognitionOrder.end(undated));
					org.neo4j.driver.Record recorded = tx.run(CypherFiles.get("api/later-recognitions"), parameters)
						.single();
					assertThat(recorded.get("indexed").asBoolean()).isTrue();
					// in the order of the later listings' laterOrder, as the service
					// sorts them
					List<String> items = recorded.get("items")
						.asList((item) -> item)
						.stream()
						.sorted(Comparator.comparing((Value item) -> item.get("later").get("laterOrder").asString()))
						.map((item) -> row(item.get("cluster"), item.get("earlierProgram"), item.get("earlier"),
								item.get("later"), item.get("lag")))
						.toList();
					org.neo4j.driver.Record walked = tx.run(CypherFiles.get("api/later-recognitions-walk"), parameters)
						.single();
					assertThat(walked.get("items")
						.asList((item) -> row(item.get("cluster"), item.get("earlierProgram"), item.get("earlier"),
								item.get("later"), item.get("lag"))))
						.as("%s, undated %s", program, undated)
						.containsExactlyElementsOf(items);
					assertThat(walked.get("total").asInt()).isEqualTo(recorded.get("total").asInt());
					Map<String, Object> none = new HashMap<>(parameters);
					none.put("first", 0);
					assertThat(
							tx.run(CypherFiles.get("api/later-recognitions-walk"), none).single().get("total").asInt())
						.as("%s, undated %s, no items asked", program, undated)
						.isEqualTo(recorded.get("total").asInt());
					compared += items.size();
				}
			}
			assertThat(compared).isPositive();
			tx.run("MATCH (p:Program) REMOVE p.laterRecognitionsDated, p.laterRecognitionsUndated").consume();
			assertThat(tx
				.run(CypherFiles.get("api/later-recognitions"),
						Map.of("program", "miit-sme", "undated", true, "first", 5, "end", RecognitionOrder.end(true)))
				.single()
				.get("indexed")
				.asBoolean()).isFalse();
			tx.rollback();
		}
	}

	/**
	 * A row of either statement: its cluster, lag and both listings by program and order.
	 */
	private static String row(Value cluster, Value earlierProgram, Value earlier, Value later, Value lag) {
		return cluster.asString() + " lag " + (lag.isNull() ? "none" : lag.asInt()) + ", " + earlierProgram.asString()
				+ " " + earlier.get("listingOrder").asString() + " before " + later.get("listingOrder").asString();
	}

	private static String key(Object listing) {
		return (String) ((Map<?, ?>) ((Map<?, ?>) listing).get("program")).get("key");
	}

	@Test
	void namesTheArgumentOfAListTheGraphDoesNotHold() {
		this.graphQl.document(
				"{ compareLists(from: {program: \"miit-sme\", year: 2021}, to: {program: \"hubei\"}) { inBoth { count } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("from.year").contains("2022, 2023, 2024")));
		this.graphQl
			.document("{ compareLists(from: {program: \"hubei\"}, to: {program: \"nope\"}) { inBoth { count } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("to.program").contains("nope")));
		this.graphQl.document("{ laterRecognitions(program: \"nope\") { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("program").contains("nope")));
		// an explicit null is no program's key: refused before any read, not looked up
		this.graphQl.document("{ laterRecognitions(program: null) { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getErrorType()).hasToString("ValidationError")));
		this.graphQl.document("{ laterRecognitions(first: 101) { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((e) -> assertThat(e.getMessage()).contains("first")));
	}

}
