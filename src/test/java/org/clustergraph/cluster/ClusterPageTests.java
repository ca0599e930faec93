package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.clustergraph.GraphTest;
import org.clustergraph.neo4j.CypherFiles;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code clusters(filter: {region})} and {@code clusters(filter: {industry})}, the
 * filters front ends ask most, are read from the index runs of the region's or the
 * industry's subtree ({@code api/clusters-in-region}, {@code api/clusters-in-industry}),
 * and {@code clusters(filter: {program})} from the program's listings
 * ({@code api/clusters-in-program}), and {@code clusters(filter: {year})} from the year's
 * listings ({@code api/clusters-in-year}), instead of the clusters in key order
 * ({@code api/clusters}): each must give the same pages and totals as the general
 * statements for every region, industry and program, and every other filter must keep the
 * general statements.
 */
@GraphTest
class ClusterPageTests {

	/** Small pages, so that a region's clusters run over many page boundaries. */
	private static final int LIMIT = 7;

	/**
	 * Pages with other filters: fewer statements for the many combinations, each
	 * combination's runs still ending within pages.
	 */
	private static final int COMBINED_LIMIT = 20;

	@Autowired
	Driver driver;

	@Autowired
	SessionConfig sessionConfig;

	@Test
	void aRegionAloneIsPagedFromItsIndexRunsAsTheGeneralStatementPagesIt() {
		// every region a cluster lies in or under, zones included, and one that
		// holds none
		List<String> codes = codes("MATCH (c:Cluster) UNWIND c.inRegions AS code RETURN DISTINCT code ORDER BY code",
				"MATCH (r:Region) WHERE NOT r.code IN $codes RETURN r.code AS code ORDER BY code LIMIT 1");
		assertThat(codes).hasSizeGreaterThan(300);
		assertThat(comparePages(codes, (code) -> new ClusterFilter(code, null, null, null, null, null, null),
				"api/clusters-in-region"))
			.as("clusters compared")
			.isGreaterThan(codes.size() * 2);
	}

	@Test
	void aRegionWithOtherFiltersIsPagedFromItsIndexRunsAsTheGeneralStatementPagesIt() {
		// a third of the provinces and a sixth of the other regions a cluster lies in
		// or under, each with every other filter in turn and with two together
		List<String> codes = sample("inRegions", 6, "0000");
		assertThat(codes).hasSizeGreaterThan(50);
		Common common = common();
		List<Function<String, ClusterFilter>> combinations = List.of(
				(code) -> new ClusterFilter(code, "COUNTY", null, null, null, null, null),
				(code) -> new ClusterFilter(code, null, common.section(), null, null, null, null),
				(code) -> new ClusterFilter(code, null, null, common.program(), null, null, null),
				(code) -> new ClusterFilter(code, null, null, null, common.year(), null, null),
				(code) -> new ClusterFilter(code, null, null, common.program(), common.year(), null, null),
				(code) -> new ClusterFilter(code, null, null, null, null, common.year(), null),
				(code) -> new ClusterFilter(code, null, null, null, null, null, "产业"),
				(code) -> new ClusterFilter(code, "PREFECTURE", common.section(), null, null, null, null));
		compareCombinations(codes, combinations, "api/clusters-in-region");
	}

	@Test
	void anIndustryWithOtherFiltersIsPagedFromItsIndexRunsAsTheGeneralStatementPagesIt() {
		// a third of the sections and an eighth of the other industries a cluster
		// belongs to or under, each with every other filter but a region in turn and
		// with two together
		List<String> codes = sample("inIndustries", 8, "");
		assertThat(codes).hasSizeGreaterThan(25);
		Common common = common();
		List<Function<String, ClusterFilter>> combinations = List.of(
				(code) -> new ClusterFilter(null, "COUNTY", code, null, null, null, null),
				(code) -> new ClusterFilter(null, null, code, common.program(), null, null, null),
				(code) -> new ClusterFilter(null, null, code, null, common.year(), null, null),
				(code) -> new ClusterFilter(null, null, code, common.program(), common.year(), null, null),
				(code) -> new ClusterFilter(null, null, code, null, null, common.year(), null),
				(code) -> new ClusterFilter(null, null, code, null, null, null, "产业"),
				(code) -> new ClusterFilter(null, "COUNTY", code, common.program(), null, null, null));
		compareCombinations(codes, combinations, "api/clusters-in-industry");
	}

	/**
	 * Every nth code, in order, of those the clusters carry in a property below the top
	 * level, and every third of the top level (a province's code ends in 0000, a
	 * section's is a letter), whose hundreds of clusters make the most pages.
	 */
	private List<String> sample(String property, int n, String topLevelSuffix) {
		try (Session session = this.driver.session(this.sessionConfig)) {
			return session.run("""
					MATCH (c:Cluster) UNWIND c[$property] AS code
					WITH DISTINCT code ORDER BY code
					WITH CASE $suffix WHEN '' THEN size(code) = 1 ELSE code ENDS WITH $suffix END AS top,
					     collect(code) AS codes
					UNWIND range(0, size(codes) - 1) AS i
					WITH codes[i] AS code, i, top
					WHERE i % CASE WHEN top THEN 3 ELSE $n END = 0
					RETURN code ORDER BY code""", Map.of("property", property, "n", n, "suffix", topLevelSuffix))
				.list((row) -> row.get("code").asString());
		}
	}

	/**
	 * The values of the other filters that most clusters have, so that the compared pages
	 * are full.
	 *
	 * @param section the section most clusters belong under
	 * @param program the program with the most listings in one edition
	 * @param year that edition's year
	 */
	private record Common(String section, String program, int year) {
	}

	private Common common() {
		try (Session session = this.driver.session(this.sessionConfig)) {
			String section = session.run("""
					MATCH (c:Cluster)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(s:Industry {level: 'SECTION'})
					RETURN s.code AS code, count(DISTINCT c) AS n ORDER BY n DESC, code LIMIT 1""")
				.single()
				.get("code")
				.asString();
			var listed = session.run("""
					MATCH (:Cluster)-[l:LISTED_IN]->(p:Program) WHERE l.year IS NOT NULL
					RETURN p.key AS program, l.year AS year, count(*) AS n ORDER BY n DESC, program LIMIT 1""")
				.single();
			return new Common(section, listed.get("program").asString(), listed.get("year").asInt());
		}
	}

	private void compareCombinations(List<String> codes, List<Function<String, ClusterFilter>> combinations,
			String narrow) {
		for (int i = 0; i < combinations.size(); i++) {
			assertThat(comparePages(codes, combinations.get(i), narrow)).as("clusters compared with combination %d", i)
				.isGreaterThan(codes.size() / 4);
		}
	}

	@Test
	void anIndustryAloneIsPagedFromItsIndexRunsAsTheGeneralStatementPagesIt() {
		// every industry a cluster belongs to or under, sections whose subtrees are
		// read in key order included, and one that holds none
		List<String> codes = codes("MATCH (c:Cluster) UNWIND c.inIndustries AS code RETURN DISTINCT code ORDER BY code",
				"MATCH (i:Industry) WHERE NOT i.code IN $codes RETURN i.code AS code ORDER BY code LIMIT 1");
		assertThat(codes).hasSizeGreaterThan(200);
		try (Session session = this.driver.session(this.sessionConfig)) {
			assertThat(session.run("""
					MATCH (d:Dataset {key: 'current'}), (i:Industry) WHERE i.code IN $codes
					  AND size(coalesce(i.memberIndustries, [])) * i.treeMemberCount > d.clusterCount
					RETURN count(i) AS wide""", Map.of("codes", codes)).single().get("wide").asInt())
				.as("industries read in key order")
				.isPositive();
		}
		assertThat(comparePages(codes, (code) -> new ClusterFilter(null, null, code, null, null, null, null),
				"api/clusters-in-industry"))
			.as("clusters compared")
			.isGreaterThan(codes.size() * 2);
	}

	@Test
	void aProgramIsPagedFromItsListingsAsTheGeneralStatementPagesIt() {
		// every program alone, with each year it has an edition of and with a year it
		// has none of (a total the load did not record)
		Map<String, List<Integer>> editions = editions();
		assertThat(editions).hasSizeGreaterThan(3);
		assertThat(editions.values()).as("programs of several editions").anyMatch((years) -> years.size() > 1);
		List<ClusterFilter> filters = new ArrayList<>();
		editions.forEach((program, years) -> {
			filters.add(new ClusterFilter(null, null, null, program, null, null, null));
			years.forEach((year) -> filters.add(new ClusterFilter(null, null, null, program, year, null, null)));
			filters.add(new ClusterFilter(null, null, null, program, 1990, null, null));
		});
		assertThat(comparePages(filters, "api/clusters-in-program")).as("clusters compared")
			.isGreaterThan(filters.size() * 2);
	}

	@Test
	void aProgramWithOtherFiltersIsPagedFromItsListingsAsTheGeneralStatementPagesIt() {
		// every program with each other filter but a region or an industry, and with two
		// together
		List<String> programs = List.copyOf(editions().keySet());
		Common common = common();
		List<Function<String, ClusterFilter>> combinations = List.of(
				(key) -> new ClusterFilter(null, "COUNTY", null, key, null, null, null),
				(key) -> new ClusterFilter(null, null, null, key, null, common.year(), null),
				(key) -> new ClusterFilter(null, null, null, key, null, null, "产业"),
				(key) -> new ClusterFilter(null, "COUNTY", null, key, common.year(), null, null),
				(key) -> new ClusterFilter(null, null, null, key, common.year(), common.year(), "集群"));
		compareCombinations(programs, combinations, "api/clusters-in-program");
	}

	/**
	 * A store an earlier version loaded serves its graph until the reload that the
	 * upgrade starts switches: its listings do not carry their cluster's key, and its
	 * programs no editions. A program's pages and totals then come from the program's
	 * relationships, as the general statements give them.
	 */
	@Test
	void pagesAProgramLoadedBeforeItsListingsCarriedTheirClustersAsTheGeneralStatementPagesIt() {
		Common common = common();
		List<ClusterFilter> filters = List.of(new ClusterFilter(null, null, null, common.program(), null, null, null),
				new ClusterFilter(null, null, null, common.program(), common.year(), null, null),
				new ClusterFilter(null, "COUNTY", null, common.program(), null, null, null));
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			tx.run("""
					MATCH (p:Program {key: $program})
					REMOVE p.editionYears, p.editionListings, p.editionClusters, p.editionNewClusters,
					       p.editionAlsoOnOtherPrograms
					WITH p
					MATCH ()-[l:LISTED_IN]->(p)
					REMOVE l.cluster""", Map.of("program", common.program())).consume();
			assertThat(comparePages(tx, filters, "api/clusters-in-program")).as("clusters compared")
				.isGreaterThan(2 * COMBINED_LIMIT);
			tx.rollback();
		}
	}

	@Test
	void aYearIsPagedFromItsListingsAsTheGeneralStatementPagesIt() {
		// every edition year alone and with each other filter but a region, an industry
		// or a program, and a year no list has
		List<Integer> years = editions().values().stream().flatMap(List::stream).distinct().sorted().toList();
		assertThat(years).hasSizeGreaterThan(2);
		List<ClusterFilter> alone = new ArrayList<>(
				years.stream().map((year) -> new ClusterFilter(null, null, null, null, year, null, null)).toList());
		alone.add(new ClusterFilter(null, null, null, null, 1990, null, null));
		assertThat(comparePages(alone, "api/clusters-in-year")).as("clusters compared")
			.isGreaterThan(years.size() * 2 * LIMIT);
		List<Function<String, ClusterFilter>> combinations = List.of(
				(year) -> new ClusterFilter(null, "COUNTY", null, null, Integer.valueOf(year), null, null),
				(year) -> new ClusterFilter(null, null, null, null, Integer.valueOf(year), Integer.valueOf(year), null),
				(year) -> new ClusterFilter(null, null, null, null, Integer.valueOf(year), null, "产业"),
				(year) -> new ClusterFilter(null, "COUNTY", null, null, Integer.valueOf(year),
						Integer.valueOf(year) + 1, "产业"));
		compareCombinations(years.stream().map(String::valueOf).toList(), combinations, "api/clusters-in-year");
	}

	/**
	 * On a store an earlier version loaded, whose listings do not carry their cluster's
	 * key, a year's pages, totals and facets are read as the general statements read
	 * them.
	 */
	@Test
	void pagesAYearLoadedBeforeItsListingsCarriedTheirClustersAsTheGeneralStatementPagesIt() {
		Common common = common();
		List<ClusterFilter> filters = List.of(new ClusterFilter(null, null, null, null, common.year(), null, null),
				new ClusterFilter(null, "COUNTY", null, null, common.year(), null, null));
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			tx.run("MATCH ()-[l:LISTED_IN]->(:Program) REMOVE l.cluster").consume();
			assertThat(comparePages(tx, filters, "api/clusters-in-year")).as("clusters compared")
				.isGreaterThan(2 * COMBINED_LIMIT);
			// and the facets select them from every cluster
			countFacetsAsTheGeneralStatement(tx, filters);
			tx.rollback();
		}
	}

	/**
	 * A text, alone and with a level or a year of recognition, is paged from the text
	 * index of the clusters' names when few clusters hold it and in key order when many
	 * do, as the general statements page it. The texts: the canonical name of one
	 * cluster; a name one was listed under and not named by; a name in full-width forms,
	 * which the filter and nameText both hold in NFKC; two characters most names hold;
	 * text no name holds; and the end of one cluster's canonical name, a line break and
	 * the start of its next name, which nameText holds and no name does. Each is read
	 * with the service's probe, which on the seeds finds every text few, and with a probe
	 * of zero, which makes every text common.
	 */
	@Test
	void aTextIsPagedFromTheIndexOfNamesOrInKeyOrderAsTheGeneralStatementPagesIt() {
		List<String> texts = new ArrayList<>();
		try (Session session = this.driver.session(this.sessionConfig)) {
			texts.add(text(session, "MATCH (c:Cluster) RETURN c.name AS text ORDER BY c.key LIMIT 1"));
			texts.add(text(session, """
					MATCH (c:Cluster) UNWIND c.names AS name WITH c, name WHERE NOT c.name CONTAINS name
					RETURN name AS text ORDER BY c.key LIMIT 1"""));
			texts.add(text(session, """
					MATCH (c:Cluster) UNWIND c.names AS name WITH c, name WHERE normalize(name, NFKC) <> name
					RETURN name AS text ORDER BY c.key LIMIT 1"""));
			texts.add("产业");
			texts.add("不存在此名");
			String across = text(session, """
					MATCH (c:Cluster) WHERE c.nameText CONTAINS '\\n'
					WITH c, split(c.nameText, '\\n') AS lines WHERE size(lines[0]) > 2 AND size(lines[1]) > 2
					RETURN right(lines[0], 2) + '\\n' + left(lines[1], 2) AS text ORDER BY c.key LIMIT 1""");
			assertThat(session
				.run("MATCH (c:Cluster) WHERE c.nameText CONTAINS $text RETURN count(c) AS n", Map.of("text", across))
				.single()
				.get("n")
				.asLong()).as("clusters whose nameText holds %s", across).isPositive();
			texts.add(across);
		}
		List<ClusterFilter> filters = new ArrayList<>();
		for (String text : texts) {
			filters.add(new ClusterFilter(null, null, null, null, null, null, text));
			filters.add(new ClusterFilter(null, "COUNTY", null, null, null, null, text));
			// a year in which clusters are recognized, and one before any edition
			filters.add(new ClusterFilter(null, null, null, null, null, 2023, text));
			filters.add(new ClusterFilter(null, "PREFECTURE", null, null, null, 2019, text));
		}
		try (Session session = this.driver.session(this.sessionConfig)) {
			for (int probe : List.of(ClusterFilter.NAME_PROBE, 0)) {
				assertThat(comparePages(session, filters, "api/clusters-named", probe)).as("clusters compared")
					.isGreaterThan(2 * COMBINED_LIMIT);
			}
			// what each text finds, so that each case is what it says it is
			List<Long> totals = texts.stream()
				.map((text) -> total(session, "api/clusters-count",
						new ClusterFilter(null, null, null, null, null, null, text)))
				.toList();
			assertThat(totals.subList(0, 3)).as("%s", texts).allSatisfy((total) -> assertThat(total).isPositive());
			assertThat(totals.get(3)).as("%s", texts).isGreaterThan(2L * COMBINED_LIMIT);
			assertThat(totals.subList(4, 6)).as("%s", texts).containsOnly(0L);
		}
	}

	private static String text(Session session, String query) {
		return session.run(query).single().get("text").asString();
	}

	/**
	 * On a store an earlier version loaded, whose clusters do not carry nameText, a
	 * text's pages, totals and facets are read as the general statements read them.
	 */
	@Test
	void pagesATextLoadedBeforeClustersCarriedTheirNamesAsTheGeneralStatementPagesIt() {
		List<ClusterFilter> filters = List.of(new ClusterFilter(null, null, null, null, null, null, "产业"),
				new ClusterFilter(null, "COUNTY", null, null, null, null, "市"));
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			tx.run("MATCH (c:Cluster) REMOVE c.nameText").consume();
			for (int probe : List.of(ClusterFilter.NAME_PROBE, 0)) {
				assertThat(comparePages(tx, filters, "api/clusters-named", probe)).as("clusters compared")
					.isGreaterThan(2 * COMBINED_LIMIT);
			}
			countFacetsAsTheGeneralStatement(tx, filters);
			tx.rollback();
		}
	}

	/** Requires each filter's facets to total what the general count gives, some. */
	private static void countFacetsAsTheGeneralStatement(QueryRunner runner, List<ClusterFilter> filters) {
		for (ClusterFilter filter : filters) {
			Map<String, @Nullable Object> facets = new HashMap<>(filter.parameters());
			facets.put("want",
					Map.of("province", false, "program", false, "regionLevel", false, "provinceProgram", false));
			facets.put("industryLevels", List.of());
			facets.put("industryProgramLevels", List.of());
			assertThat(runner.run(CypherFiles.get("api/cluster-facets"), facets).single().get("total").asLong())
				.as("facets of %s", filter)
				.isPositive()
				.isEqualTo(total(runner, "api/clusters-count", filter));
		}
	}

	/** Each program's key, and the years of its editions. */
	private Map<String, List<Integer>> editions() {
		try (Session session = this.driver.session(this.sessionConfig)) {
			Map<String, List<Integer>> editions = new LinkedHashMap<>();
			session.run("""
					MATCH (p:Program)
					RETURN p.key AS program,
					       COLLECT { MATCH ()-[l:LISTED_IN]->(p) WHERE l.year IS NOT NULL
					                 RETURN DISTINCT l.year AS year ORDER BY year } AS years
					ORDER BY program""")
				.forEachRemaining(
						(row) -> editions.put(row.get("program").asString(), row.get("years").asList(Value::asInt)));
			return editions;
		}
	}

	/** The codes the first statement lists, and the one the second finds beside them. */
	private List<String> codes(String listed, String another) {
		try (Session session = this.driver.session(this.sessionConfig)) {
			List<String> codes = new ArrayList<>(session.run(listed).list((row) -> row.get("code").asString()));
			codes.add(session.run(another, Map.of("codes", codes)).single().get("code").asString());
			return codes;
		}
	}

	/**
	 * Pages through each code's clusters with the narrow statements and the general ones,
	 * {@value #LIMIT} at a time ({@value #COMBINED_LIMIT} with other filters), and
	 * requires the same rows and totals.
	 * @return how many clusters the pages held
	 */
	private int comparePages(List<String> codes, Function<String, ClusterFilter> filters, String narrow) {
		return comparePages(codes.stream().map(filters).toList(), narrow);
	}

	private int comparePages(List<ClusterFilter> filters, String narrow) {
		try (Session session = this.driver.session(this.sessionConfig)) {
			return comparePages(session, filters, narrow);
		}
	}

	private static int comparePages(QueryRunner runner, List<ClusterFilter> filters, String narrow) {
		return comparePages(runner, filters, narrow, ClusterFilter.NAME_PROBE);
	}

	/** As above, with this many clusters holding a name's text making it common. */
	private static int comparePages(QueryRunner runner, List<ClusterFilter> filters, String narrow, int probe) {
		int rows = 0;
		for (ClusterFilter filter : filters) {
			assertThat(filter.statements()).isEqualTo(narrow);
			boolean alone = filter.parameters().values().stream().filter(Objects::nonNull).count() == 1;
			int limit = alone ? LIMIT : COMBINED_LIMIT;
			assertThat(total(runner, narrow + "-count", filter)).as("total of %s", filter)
				.isEqualTo(total(runner, "api/clusters-count", filter));
			String after = "";
			for (boolean more = true; more;) {
				List<Map<String, Object>> general = page(runner, "api/clusters-page", filter, after, limit, probe);
				assertThat(page(runner, narrow + "-page", filter, after, limit, probe))
					.as("page of %s after '%s'", filter, after)
					.isEqualTo(general);
				rows += general.size();
				more = general.size() == limit;
				if (more) {
					after = (String) ((Map<?, ?>) general.get(limit - 1).get("cluster")).get("key");
				}
			}
		}
		return rows;
	}

	@Test
	void aFilterReadsTheIndexesOfARegionItNamesOrOfAnIndustryOrOfAProgramOrOfAYearOrOfItsText() {
		String general = "api/clusters";
		String region = "api/clusters-in-region";
		String industry = "api/clusters-in-industry";
		String program = "api/clusters-in-program";
		String year = "api/clusters-in-year";
		String named = "api/clusters-named";
		Map<ClusterFilter, String> expected = new LinkedHashMap<>();
		expected.put(new ClusterFilter(null, null, null, null, null, null, null), general);
		expected.put(new ClusterFilter("  ", null, null, null, null, null, null), general);
		expected.put(new ClusterFilter(" 330000 ", null, null, null, null, null, null), region);
		expected.put(new ClusterFilter("330000", "COUNTY", "C", "zhejiang", 2020, 2020, "纺织"), region);
		expected.put(new ClusterFilter(null, null, "C", null, null, null, null), industry);
		expected.put(new ClusterFilter(null, null, " C", null, null, null, ""), industry);
		expected.put(new ClusterFilter(null, "COUNTY", "C", null, null, null, null), industry);
		expected.put(new ClusterFilter(null, null, "C", "zhejiang", 2020, 2020, "纺织"), industry);
		expected.put(new ClusterFilter(null, "COUNTY", null, null, null, 2020, null), general);
		expected.put(new ClusterFilter(null, null, null, "zhejiang", null, null, null), program);
		expected.put(new ClusterFilter(null, "COUNTY", null, " zhejiang", 2020, 2020, "纺织"), program);
		expected.put(new ClusterFilter(null, null, null, " ", 2020, null, null), year);
		expected.put(new ClusterFilter(null, null, null, null, 2020, null, null), year);
		expected.put(new ClusterFilter(null, "COUNTY", null, null, 2020, 2021, "纺织"), year);
		expected.put(new ClusterFilter(null, null, null, null, null, null, "纺织"), named);
		expected.put(new ClusterFilter(null, "COUNTY", null, null, null, 2020, " 纺织 "), named);
		expected.put(new ClusterFilter(null, null, null, null, null, null, " \u3000"), general);
		expected
			.forEach((filter, statements) -> assertThat(filter.statements()).as("%s", filter).isEqualTo(statements));
	}

	private static long total(QueryRunner runner, String statement, ClusterFilter filter) {
		return runner.run(CypherFiles.get(statement), filter.parameters()).single().get("total").asLong();
	}

	private static List<Map<String, Object>> page(QueryRunner runner, String statement, ClusterFilter filter,
			String after, int limit, int probe) {
		Map<String, @Nullable Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("after", after);
		parameters.put("limit", limit);
		parameters.put("links", true);
		parameters.put("probe", probe);
		return runner.run(CypherFiles.get(statement), parameters).list(Record::asMap);
	}

}
