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
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code clusters(filter: {region})} and {@code clusters(filter: {industry})}, the
 * filters front ends ask most, are read from the index runs of the region's or the
 * industry's subtree ({@code api/clusters-in-region}, {@code api/clusters-in-industry})
 * instead of the clusters in key order ({@code api/clusters}): each must give the same
 * pages and totals as the general statements for every region and industry, and every
 * other filter must keep the general statements.
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
		int rows = 0;
		for (String code : codes) {
			ClusterFilter filter = filters.apply(code);
			assertThat(filter.statements()).isEqualTo(narrow);
			boolean alone = filter.parameters().values().stream().filter(Objects::nonNull).count() == 1;
			int limit = alone ? LIMIT : COMBINED_LIMIT;
			assertThat(total(narrow + "-count", filter)).as("total of %s", code)
				.isEqualTo(total("api/clusters-count", filter));
			String after = "";
			for (boolean more = true; more;) {
				List<Map<String, Object>> general = page("api/clusters-page", filter, after, limit);
				assertThat(page(narrow + "-page", filter, after, limit)).as("page of %s after '%s'", code, after)
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
	void aFilterReadsTheIndexesOfARegionItNamesOrOfAnIndustryAlone() {
		String general = "api/clusters";
		String region = "api/clusters-in-region";
		String industry = "api/clusters-in-industry";
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
		expected.put(new ClusterFilter(null, null, null, "zhejiang", null, null, null), general);
		expected.put(new ClusterFilter(null, null, null, null, null, null, "纺织"), general);
		expected
			.forEach((filter, statements) -> assertThat(filter.statements()).as("%s", filter).isEqualTo(statements));
	}

	private long total(String statement, ClusterFilter filter) {
		try (Session session = this.driver.session(this.sessionConfig)) {
			return session.run(CypherFiles.get(statement), filter.parameters()).single().get("total").asLong();
		}
	}

	private List<Map<String, Object>> page(String statement, ClusterFilter filter, String after, int limit) {
		Map<String, @Nullable Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("after", after);
		parameters.put("limit", limit);
		parameters.put("links", true);
		try (Session session = this.driver.session(this.sessionConfig)) {
			return session.run(CypherFiles.get(statement), parameters).list(Record::asMap);
		}
	}

}
