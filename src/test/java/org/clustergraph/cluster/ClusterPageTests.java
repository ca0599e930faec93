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
		// every region a cluster lies in or under, zones included, and one that holds
		// none
		List<String> codes = codes("MATCH (c:Cluster) UNWIND c.inRegions AS code RETURN DISTINCT code ORDER BY code",
				"MATCH (r:Region) WHERE NOT r.code IN $codes RETURN r.code AS code ORDER BY code LIMIT 1");
		assertThat(codes).hasSizeGreaterThan(300);
		comparePages(codes, (code) -> new ClusterFilter(code, null, null, null, null, null, null),
				"api/clusters-in-region");
	}

	@Test
	void anIndustryAloneIsPagedFromItsIndexRunsAsTheGeneralStatementPagesIt() {
		// every industry a cluster belongs to or under, sections whose subtrees are read
		// in
		// key order included, and one that holds none
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
		comparePages(codes, (code) -> new ClusterFilter(null, null, code, null, null, null, null),
				"api/clusters-in-industry");
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
	 */
	private void comparePages(List<String> codes, Function<String, ClusterFilter> filters, String narrow) {
		int pages = 0;
		for (String code : codes) {
			ClusterFilter filter = filters.apply(code);
			assertThat(filter.statements()).isEqualTo(narrow);
			assertThat(total(narrow + "-count", filter)).as("total of %s", code)
				.isEqualTo(total("api/clusters-count", filter));
			String after = "";
			for (boolean more = true; more; pages++) {
				List<Map<String, Object>> general = page("api/clusters-page", filter, after);
				assertThat(page(narrow + "-page", filter, after)).as("page of %s after '%s'", code, after)
					.isEqualTo(general);
				more = general.size() == LIMIT;
				if (more) {
					after = (String) ((Map<?, ?>) general.get(LIMIT - 1).get("cluster")).get("key");
				}
			}
		}
		assertThat(pages).as("pages compared").isGreaterThan(codes.size() + 100);
	}

	@Test
	void everyOtherFilterKeepsTheGeneralStatements() {
		List<ClusterFilter> others = List.of(new ClusterFilter(null, null, null, null, null, null, null),
				new ClusterFilter("  ", null, null, null, null, null, null),
				new ClusterFilter("330000", "COUNTY", null, null, null, null, null),
				new ClusterFilter("330000", null, "C", null, null, null, null),
				new ClusterFilter("330000", null, null, "zhejiang", null, null, null),
				new ClusterFilter("330000", null, null, null, 2020, null, null),
				new ClusterFilter("330000", null, null, null, null, 2020, null),
				new ClusterFilter("330000", null, null, null, null, null, "纺织"),
				new ClusterFilter(null, "COUNTY", "C", null, null, null, null),
				new ClusterFilter(null, null, "C", "zhejiang", null, null, null));
		for (ClusterFilter filter : others) {
			assertThat(filter.statements()).as("%s", filter).isEqualTo("api/clusters");
		}
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
