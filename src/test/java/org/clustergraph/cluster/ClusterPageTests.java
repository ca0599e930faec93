package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * {@code clusters(filter: {region})}, the filter front ends ask most, is read from the
 * region's index runs ({@code api/clusters-in-region}) instead of the clusters in key
 * order ({@code api/clusters}): the two must give the same pages and totals for every
 * region, and every other filter must keep the general statements.
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
		List<String> codes;
		try (Session session = this.driver.session(this.sessionConfig)) {
			// every region a cluster lies in or under, zones included, and one that holds
			// none
			codes = new ArrayList<>(
					session.run("MATCH (c:Cluster) UNWIND c.inRegions AS code RETURN DISTINCT code ORDER BY code")
						.list((row) -> row.get("code").asString()));
			codes.add(
					session
						.run("MATCH (r:Region) WHERE NOT r.code IN $codes RETURN r.code AS code ORDER BY code LIMIT 1",
								Map.of("codes", codes))
						.single()
						.get("code")
						.asString());
		}
		assertThat(codes).hasSizeGreaterThan(300);
		int pages = 0;
		for (String code : codes) {
			ClusterFilter filter = new ClusterFilter(code, null, null, null, null, null, null);
			assertThat(filter.statements()).isEqualTo("api/clusters-in-region");
			assertThat(total("api/clusters-in-region-count", filter)).as("total of %s", code)
				.isEqualTo(total("api/clusters-count", filter));
			String after = "";
			for (boolean more = true; more; pages++) {
				List<Map<String, Object>> general = page("api/clusters-page", filter, after);
				List<Map<String, Object>> narrow = page("api/clusters-in-region-page", filter, after);
				assertThat(narrow).as("page of %s after '%s'", code, after).isEqualTo(general);
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
				new ClusterFilter(null, null, "C", null, null, null, null));
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
