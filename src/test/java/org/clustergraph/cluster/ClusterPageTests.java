package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
		// the provinces and every sixth other region a cluster lies in or under, each
		// with every other filter in turn and with two together: the section, program and
		// edition year most clusters have, so that the pages are full
		List<String> codes;
		String section;
		String program;
		int year;
		try (Session session = this.driver.session(this.sessionConfig)) {
			codes = session.run("""
					MATCH (c:Cluster) UNWIND c.inRegions AS code
					WITH DISTINCT code ORDER BY code
					WITH collect(code) AS codes
					UNWIND range(0, size(codes) - 1) AS i
					WITH codes[i] AS code, i
					WHERE i % 6 = 0 OR code ENDS WITH '0000'
					RETURN code""").list((row) -> row.get("code").asString());
			section = session.run("""
					MATCH (c:Cluster)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(s:Industry {level: 'SECTION'})
					RETURN s.code AS code, count(DISTINCT c) AS n ORDER BY n DESC, code LIMIT 1""")
				.single()
				.get("code")
				.asString();
			var listed = session.run("""
					MATCH (:Cluster)-[l:LISTED_IN]->(p:Program) WHERE l.year IS NOT NULL
					RETURN p.key AS program, l.year AS year, count(*) AS n ORDER BY n DESC, program LIMIT 1""")
				.single();
			program = listed.get("program").asString();
			year = listed.get("year").asInt();
		}
		assertThat(codes).hasSizeGreaterThan(100);
		List<Function<String, ClusterFilter>> combinations = List.of(
				(code) -> new ClusterFilter(code, "COUNTY", null, null, null, null, null),
				(code) -> new ClusterFilter(code, null, section, null, null, null, null),
				(code) -> new ClusterFilter(code, null, null, program, null, null, null),
				(code) -> new ClusterFilter(code, null, null, null, year, null, null),
				(code) -> new ClusterFilter(code, null, null, program, year, null, null),
				(code) -> new ClusterFilter(code, null, null, null, null, year, null),
				(code) -> new ClusterFilter(code, null, null, null, null, null, "产业"),
				(code) -> new ClusterFilter(code, "PREFECTURE", section, null, null, null, null));
		for (int i = 0; i < combinations.size(); i++) {
			assertThat(comparePages(codes, combinations.get(i), "api/clusters-in-region"))
				.as("clusters compared with combination %d", i)
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
	 * {@value #LIMIT} at a time, and requires the same rows and totals.
	 * @return how many clusters the pages held
	 */
	private int comparePages(List<String> codes, Function<String, ClusterFilter> filters, String narrow) {
		int rows = 0;
		for (String code : codes) {
			ClusterFilter filter = filters.apply(code);
			assertThat(filter.statements()).isEqualTo(narrow);
			assertThat(total(narrow + "-count", filter)).as("total of %s", code)
				.isEqualTo(total("api/clusters-count", filter));
			String after = "";
			for (boolean more = true; more;) {
				List<Map<String, Object>> general = page("api/clusters-page", filter, after);
				assertThat(page(narrow + "-page", filter, after)).as("page of %s after '%s'", code, after)
					.isEqualTo(general);
				rows += general.size();
				more = general.size() == LIMIT;
				if (more) {
					after = (String) ((Map<?, ?>) general.get(LIMIT - 1).get("cluster")).get("key");
				}
			}
		}
		return rows;
	}

	@Test
	void aFilterReadsTheIndexesOfARegionItNamesOrOfAnIndustryAlone() {
		Map<ClusterFilter, String> expected = Map.of(new ClusterFilter(null, null, null, null, null, null, null),
				"api/clusters", new ClusterFilter("  ", null, null, null, null, null, null), "api/clusters",
				new ClusterFilter(" 330000 ", null, null, null, null, null, null), "api/clusters-in-region",
				new ClusterFilter("330000", "COUNTY", "C", "zhejiang", 2020, 2020, "纺织"), "api/clusters-in-region",
				new ClusterFilter(null, null, "C", null, null, null, null), "api/clusters-in-industry",
				new ClusterFilter(null, null, " C", null, null, null, ""), "api/clusters-in-industry",
				new ClusterFilter(null, "COUNTY", "C", null, null, null, null), "api/clusters",
				new ClusterFilter(null, null, "C", "zhejiang", null, null, null), "api/clusters",
				new ClusterFilter(null, null, null, "zhejiang", null, null, null), "api/clusters",
				new ClusterFilter(null, null, null, null, null, null, "纺织"), "api/clusters");
		expected
			.forEach((filter, statements) -> assertThat(filter.statements()).as("%s", filter).isEqualTo(statements));
	}

	private long total(String statement, ClusterFilter filter) {
		try (Session session = this.driver.session(this.sessionConfig)) {
			return session.run(CypherFiles.get(statement), filter.parameters()).single().get("total").asLong();
		}
	}

	private List<Map<String, Object>> page(String statement, ClusterFilter filter, String after) {
		Map<String, @Nullable Object> parameters = new HashMap<>(filter.parameters());
		parameters.put("after", after);
		parameters.put("limit", LIMIT);
		parameters.put("links", true);
		try (Session session = this.driver.session(this.sessionConfig)) {
			return session.run(CypherFiles.get(statement), parameters).list(Record::asMap);
		}
	}

}
