package org.clustergraph.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.clustergraph.cluster.ListHistoryController;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.program.ListingOrder;
import org.clustergraph.program.RecognitionOrder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.GqlNotification;
import org.neo4j.driver.summary.QueryProfile;
import org.neo4j.driver.summary.ResultSummary;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lookup of one cluster reads that cluster's part of the graph. A plan made from index
 * samples taken before the load once answered "the provinces of this cluster" by scanning
 * every province and walking the whole region tree beneath it, which made a lookup nearly
 * three hundred times dearer than the work it needs. The statements now filter the
 * provinces only after walking up from the cluster, and the load has the database sample
 * its indexes again; here each statement is profiled as the service runs it after its
 * load, and its database hits must stay below the number of regions.
 */
@GraphTest
class StatementCostTests {

	/**
	 * The page of clusters asked of each industry, as the 2-hop query asks it, descendant
	 * industries included: a cluster filed under a whole section has them by the hundred,
	 * and each gives only its first clusters from the industry_members index.
	 */
	private static final Map<String, Object> PEERS = Map.of("descendants", true, "provinces", true, "after", "",
			"limit", 20);

	/**
	 * The program, the region and the industry with the most clusters of their own, as
	 * {@code n}.
	 */
	private static final String HUBS = """
			CALL () {
			  MATCH (n:Program) RETURN n ORDER BY n.clusterCount DESC LIMIT 1
			  UNION
			  MATCH (n:Region) RETURN n ORDER BY n.memberCount DESC LIMIT 1
			  UNION
			  MATCH (n:Industry) RETURN n ORDER BY n.memberCount DESC LIMIT 1
			}
			""";

	@Autowired
	Driver driver;

	@Autowired
	SessionConfig sessionConfig;

	private static long regions;

	private static long clusterCount;

	private static List<String> clusters;

	@BeforeAll
	static void findClusters(@Autowired Driver driver, @Autowired SessionConfig sessionConfig) {
		try (Session session = driver.session(sessionConfig)) {
			regions = session.run("MATCH (r:Region) RETURN count(r) AS n").single().get("n").asLong();
			clusterCount = session.run("MATCH (c:Cluster) RETURN count(c) AS n").single().get("n").asLong();
			// The clusters whose lookups read most: those with the most places and
			// industries, and those whose industries hold the most clusters themselves.
			clusters = new ArrayList<>(keys(session, "COUNT { (c)-[:LOCATED_IN|BELONGS_TO]->() }"));
			clusters.addAll(keys(session, "COUNT { (c)-[:BELONGS_TO]->(:Industry)<-[:BELONGS_TO]-(:Cluster) }"));
		}
		assertThat(regions).isGreaterThan(1000);
		assertThat(clusters).hasSize(20);
	}

	/** The ten clusters with the highest value of a measure, then by key. */
	private static List<String> keys(Session session, String measure) {
		return session
			.run("MATCH (c:Cluster) WITH c, " + measure + " AS n ORDER BY n DESC, c.key LIMIT 10 RETURN c.key AS key")
			.list((row) -> row.get("key").asString());
	}

	@Test
	void aLookupWithItsPlacesReadsLessThanTheRegionTree() {
		for (String key : clusters) {
			assertThat(dbHits("api/cluster-with-places", Map.of("key", key))).as("cluster-with-places of %s", key)
				.isPositive()
				.isLessThan(regions);
		}
	}

	@Test
	void thePagesOfALookupsIndustriesReadLessThanTheRegionTree() {
		// the pages a lookup reads when they are not kept (IndustryPages): one per
		// industry of the cluster, in one batch
		for (String key : clusters) {
			List<Map<String, Object>> requests = new ArrayList<>();
			try (Session session = this.driver.session(this.sessionConfig)) {
				for (String code : session
					.run("MATCH (s:Serving) MATCH (:Cluster {key: $key, generation: s.generation})-[:BELONGS_TO]->(i) "
							+ "RETURN i.code AS code ORDER BY code", Map.of("key", key))
					.list((row) -> row.get("code").asString())) {
					Map<String, Object> request = new HashMap<>(PEERS);
					request.put("id", requests.size());
					request.put("parent", code);
					requests.add(request);
				}
			}
			assertThat(requests).as("industries of %s", key).isNotEmpty();
			assertThat(dbHits("api/clusters-of-industries", Map.of("requests", requests, "reach", PEERS.get("limit"))))
				.as("pages of the industries of %s", key)
				.isPositive()
				.isLessThan(regions);
		}
	}

	@Test
	void theProvincesOfAPageOfClustersReadLessThanTheRegionTree() {
		assertThat(dbHits("api/provinces-of-clusters", Map.of("keys", clusters))).isPositive().isLessThan(regions);
	}

	@Test
	void aDeepPageOfEveryRootConnectionReadsAboutWhatTheFirstDoes() {
		// Each connection ordered by a unique key seeks to the key after its cursor: a
		// page nine tenths down reads what the first reads, where an offset read and
		// sorted every item before it.
		// crossListedClusters (here every cluster listed at all) seeks the order the load
		// wrote, where it counted every cluster's programs.
		Map<String, String> keys = Map.of("api/clusters", "MATCH (n:Cluster) RETURN n.key AS k ORDER BY k",
				"api/regions", "MATCH (n:Region) RETURN n.code AS k ORDER BY k", "api/industries",
				"MATCH (n:Industry) RETURN n.code AS k ORDER BY k", "api/cross-listed",
				"MATCH (n:Cluster) WHERE n.programCount >= 1 RETURN n.crossListing AS k ORDER BY k");
		keys.forEach((statements, cypher) -> {
			List<String> all;
			try (Session session = this.driver.session(this.sessionConfig)) {
				all = session.run(cypher).list((row) -> row.get("k").asString());
			}
			Map<String, Object> first = new HashMap<>();
			for (String filter : List.of("region", "regionLevel", "industry", "program", "year", "recognizedIn",
					"nameContains", "level", "hasClusters")) {
				first.put(filter, null);
			}
			first.put("links", false);
			first.put("minPrograms", 1);
			first.put("limit", 21);
			first.put("after", "");
			Map<String, Object> deep = new HashMap<>(first);
			deep.put("after", all.get(all.size() * 9 / 10));
			long firstHits = dbHits(statements + "-page", first);
			long deepHits = dbHits(statements + "-page", deep);
			assertThat(all).as(statements).hasSizeGreaterThan(10 * 21);
			assertThat(deepHits).as("%s: the deep page against the first (%d)", statements, firstHits)
				.isPositive()
				.isLessThanOrEqualTo(firstHits * 3 / 2);
			assertThat(deepHits).as("%s: the deep page against the items (%d)", statements, all.size())
				.isLessThan(all.size());
		});
	}

	@Test
	void aDeepPageOfARegionsOrAnIndustrysClustersReadsAboutWhatTheFirstDoes() {
		// The province and the industry (without those below it) with the most clusters:
		// one index run each, the longest there are. Their page nine tenths down seeks
		// past its cursor's key, where an offset read every member before it.
		Map<String, String> parents = new HashMap<>();
		try (Session session = this.driver.session(this.sessionConfig)) {
			parents.put("api/clusters-of-regions",
					session.run("""
							MATCH (r:Region {level: 'PROVINCE'})<-[:IN_PROVINCE]-(c:Cluster)
							WITH r, count(c) AS n RETURN r.code AS code ORDER BY n DESC, code LIMIT 1""")
						.single()
						.get("code")
						.asString());
			parents.put("api/clusters-of-industries",
					session.run("""
							MATCH (i:Industry)<-[:BELONGS_TO]-(c:Cluster)
							WITH i, count(c) AS n RETURN i.code AS code ORDER BY n DESC, code LIMIT 1""")
						.single()
						.get("code")
						.asString());
		}
		parents.forEach((statement, parent) -> {
			boolean region = statement.equals("api/clusters-of-regions");
			List<String> members;
			try (Session session = this.driver.session(this.sessionConfig)) {
				members = session
					.run(region ? """
							MATCH (:Region {code: $code})<-[:IN_PROVINCE]-(c:Cluster) RETURN c.key AS k ORDER BY k"""
							: "MATCH (:Industry {code: $code})<-[:BELONGS_TO]-(c:Cluster) RETURN c.key AS k ORDER BY k",
							Map.of("code", parent))
					.list((row) -> row.get("k").asString());
			}
			Map<String, Object> request = new HashMap<>(Map.of("id", 0, "parent", parent, "descendants", region,
					"provinces", false, "after", "", "limit", 6));
			long firstHits = dbHits(statement, Map.of("requests", List.of(request), "reach", 6));
			request.put("after", members.get(members.size() * 9 / 10));
			long deepHits = dbHits(statement, Map.of("requests", List.of(request), "reach", 6));
			assertThat(members).as(statement).hasSizeGreaterThan(3 * 6);
			assertThat(deepHits).as("%s of %s: the deep page against the first (%d)", statement, parent, firstHits)
				.isPositive()
				.isLessThanOrEqualTo(firstHits * 3 / 2);
		});
	}

	@Test
	void aPageOfClustersFilteredByARegionAnIndustryOrAProgramReadsItsClustersNotEveryCluster() {
		// The general page statement reads the clusters in key order until the page is
		// full: every cluster for a county, an industry or a program that holds a few. A
		// region alone or an industry alone is read from its subtree's index runs, a
		// program from its listings, each total from the region, the industry or the
		// program: the province with the most clusters (whose first by key come early
		// either way), the county, the industry class and the program with the fewest.
		Map<String, String> smallest;
		String largest;
		try (Session session = this.driver.session(this.sessionConfig)) {
			largest = session.run("""
					MATCH (r:Region {level: 'PROVINCE'}) WHERE r.treeMemberCount > 0
					RETURN r.code AS code ORDER BY r.treeMemberCount DESC, code LIMIT 1""")
				.single()
				.get("code")
				.asString();
			smallest = smallest(session);
		}
		List<List<String>> cases = List.of(List.of("region", largest, "large"),
				List.of("region", smallest.get("region"), "small"),
				List.of("industry", smallest.get("industry"), "small"),
				// the program with the fewest clusters still lists more than a page: the
				// page's own reads weigh most
				List.of("program", smallest.get("program"), "large"));
		for (List<String> c : cases) {
			String filter = c.get(0);
			String code = c.get(1);
			String narrowStatements = "api/clusters-in-" + filter;
			Map<String, Object> page = firstPage(Map.of(filter, code));
			long general = dbHits("api/clusters-page", page);
			long narrow = dbHits(narrowStatements + "-page", page);
			assertThat(narrow).as("%s %s: against the general statement (%d)", filter, code, general)
				.isPositive()
				.isLessThan(c.get(2).equals("large") ? general : general / 10);
			assertThat(narrow).as("%s %s: against the clusters (%d)", filter, code, clusterCount)
				.isLessThan(clusterCount);
			assertThat(dbHits(narrowStatements + "-count", page)).as("%s %s: the count", filter, code)
				.isLessThanOrEqualTo(10);
		}
		// With another filter the county's or the class's clusters are read and checked,
		// for the page and for the total, where the general statements read every
		// cluster.
		Map<String, Map<String, Object>> combined = new HashMap<>();
		combined.put("api/clusters-in-region", Map.of("region", smallest.get("region"), "industry", "C"));
		combined.put("api/clusters-in-industry", Map.of("industry", smallest.get("industry"), "regionLevel", "COUNTY"));
		combined.forEach((statements, given) -> {
			Map<String, Object> both = firstPage(given);
			assertThat(dbHits(statements + "-page", both)).as("%s: the page", given)
				.isPositive()
				.isLessThan(clusterCount / 10);
			long generalCount = dbHits("api/clusters-count", both);
			assertThat(dbHits(statements + "-count", both))
				.as("%s: the count, against the general count (%d)", given, generalCount)
				.isPositive()
				.isLessThan(generalCount / 10);
		});
		// A program with another filter: its listings are read until the page is full,
		// and all of them for the total
		Map<String, Object> programAndLevel = firstPage(
				Map.of("program", smallest.get("program"), "regionLevel", "COUNTY"));
		long generalPage = dbHits("api/clusters-page", programAndLevel);
		assertThat(dbHits("api/clusters-in-program-page", programAndLevel))
			.as("the program's page with a level, against the general statement (%d)", generalPage)
			.isPositive()
			.isLessThan(generalPage);
		long generalCount = dbHits("api/clusters-count", programAndLevel);
		assertThat(dbHits("api/clusters-in-program-count", programAndLevel))
			.as("the program's count with a level, against the general count (%d)", generalCount)
			.isPositive()
			.isLessThan(generalCount / 10);
	}

	@Test
	void aYearsPageCountAndFacetsReadItsListingsNotEveryCluster() {
		// The edition year with the fewest clusters, named alone: the general statements
		// read every cluster, in key order until a page matches and all of them for the
		// total and the facets; these read the year's listings from the listing_years
		// index.
		int year;
		try (Session session = this.driver.session(this.sessionConfig)) {
			year = session.run("""
					MATCH (c:Cluster)-[l:LISTED_IN]->() WHERE l.year IS NOT NULL
					RETURN l.year AS year, count(DISTINCT c) AS n ORDER BY n, year LIMIT 1""")
				.single()
				.get("year")
				.asInt();
		}
		readLessThanAQuarter("api/clusters-in-year", Map.of("year", year), firstPage(Map.of("year", year)));
	}

	/**
	 * The page and the count of the narrow statements read less than a quarter of what
	 * the general ones do, and the facets fewer than a quarter of the clusters.
	 * @param narrow the statements' common name
	 * @param filter the filter, for the facets
	 * @param page the page's parameters, for the page and the count
	 */
	private void readLessThanAQuarter(String narrow, Map<String, Object> filter, Map<String, Object> page) {
		long generalPage = dbHits("api/clusters-page", page);
		assertThat(dbHits(narrow + "-page", page))
			.as("the page of %s, against the general statement (%d)", filter, generalPage)
			.isPositive()
			.isLessThan(generalPage / 4);
		long generalCount = dbHits("api/clusters-count", page);
		assertThat(dbHits(narrow + "-count", page))
			.as("the count of %s, against the general count (%d)", filter, generalCount)
			.isPositive()
			.isLessThan(generalCount / 4);
		assertThat(operators(profile("api/cluster-facets", facets(filter, true)))).as("the facets of %s", filter)
			.filteredOn(StatementCostTests::onClusters)
			.isNotEmpty()
			.allSatisfy((operator) -> assertThat(operator.rows().orElseThrow()).isLessThan(clusterCount / 4));
	}

	@Test
	void aTextsPageCountAndFacetsReadTheClustersThatHoldItOrAPagesWorthInKeyOrder() {
		// A text that one cluster holds, and the two characters most names hold. For the
		// first, the general statements read every cluster; these read it from the text
		// index of names (a probe above the clusters that hold a text makes it few).
		String rare;
		try (Session session = this.driver.session(this.sessionConfig)) {
			rare = session
				.run("""
						MATCH (c:Cluster)
						WHERE COUNT { MATCH (o:Cluster) WHERE o.name CONTAINS c.name OR any(n IN o.names WHERE n CONTAINS c.name) } = 1
						RETURN c.name AS name ORDER BY c.key LIMIT 1""")
				.single()
				.get("name")
				.asString();
		}
		Map<String, Object> page = firstPage(Map.of("nameContains", rare));
		page.put("probe", clusterCount);
		readLessThanAQuarter("api/clusters-named", Map.of("nameContains", rare), page);
		// The common text's page: read in key order when the probe finds it common (a
		// probe of one makes every text that a cluster holds common), it
		// reads less than a quarter of what sorting every cluster that holds it does.
		Map<String, Object> common = firstPage(Map.of("nameContains", "产业"));
		common.put("probe", clusterCount);
		long sorted = dbHits("api/clusters-named-page", common);
		common.put("probe", 1);
		assertThat(dbHits("api/clusters-named-page", common))
			.as("the page of 产业 in key order, against sorted (%d)", sorted)
			.isPositive()
			.isLessThan(sorted / 4);
	}

	@Test
	void aDeepPageOfAProgramsClustersReadsWhatTheFirstDoes() {
		// the program's listings are read in the order of their clusters' keys from the
		// cursor on, not from its first cluster
		String program;
		List<String> members;
		try (Session session = this.driver.session(this.sessionConfig)) {
			program = session.run("MATCH (p:Program) RETURN p.key AS key ORDER BY p.clusterCount DESC, key LIMIT 1")
				.single()
				.get("key")
				.asString();
			members = session.run("""
					MATCH (c:Cluster)-[:LISTED_IN]->(:Program {key: $program})
					RETURN DISTINCT c.key AS k ORDER BY k""", Map.of("program", program))
				.list((row) -> row.get("k").asString());
		}
		Map<String, Object> page = firstPage(Map.of("program", program));
		long firstHits = dbHits("api/clusters-in-program-page", page);
		page.put("after", members.get(members.size() * 9 / 10));
		long deepHits = dbHits("api/clusters-in-program-page", page);
		assertThat(members).as(program).hasSizeGreaterThan(3 * 21);
		assertThat(deepHits).as("%s: the deep page against the first (%d)", program, firstHits)
			.isPositive()
			.isLessThanOrEqualTo(firstHits * 3 / 2);
	}

	/**
	 * The parameters of the first page of 21 clusters that a filter gives, each filter
	 * field not given null, without the lists of each cluster of the page (which every
	 * page statement reads alike).
	 */
	private static Map<String, Object> firstPage(Map<String, Object> given) {
		Map<String, Object> page = new HashMap<>();
		for (String name : List.of("region", "regionLevel", "industry", "program", "year", "recognizedIn",
				"nameContains")) {
			page.put(name, given.get(name));
		}
		page.put("links", false);
		page.put("after", "");
		page.put("limit", 21);
		return page;
	}

	@Test
	void aPageOfAnIndustryWithHundredsOfIndustriesBelowReadsThePageNotTheirRuns() {
		// The section with the most industries below it that hold clusters: merging the
		// first few of each of their runs read about every cluster of the section; the
		// clusters in key order carry the section's code often enough to read instead.
		String section;
		long members;
		long clusters;
		try (Session session = this.driver.session(this.sessionConfig)) {
			var row = session.run("""
					MATCH (i:Industry {level: 'SECTION'})
					RETURN i.code AS code, size(i.memberIndustries) AS members, i.treeMemberCount AS clusters
					ORDER BY members DESC, code LIMIT 1""").single();
			section = row.get("code").asString();
			members = row.get("members").asLong();
			clusters = row.get("clusters").asLong();
		}
		long hits = dbHits("api/clusters-of-industries", Map.of("requests", List
			.of(Map.of("id", 0, "parent", section, "descendants", true, "provinces", false, "after", "", "limit", 6)),
				"reach", 6));
		assertThat(members).as(section).isGreaterThan(50);
		assertThat(hits).as("%s: %d clusters through %d industries", section, clusters, members)
			.isPositive()
			.isLessThan(clusters);
		// and every section's first page in one batch, as a front end's overview asks
		// them: the narrow ones merge their few runs and read no cluster in key order (a
		// guard the planner applied after the seek had each read every cluster)
		List<Map<String, Object>> requests = new ArrayList<>();
		try (Session session = this.driver.session(this.sessionConfig)) {
			for (String code : session.run("MATCH (i:Industry {level: 'SECTION'}) RETURN i.code AS code ORDER BY code")
				.list((row) -> row.get("code").asString())) {
				requests.add(Map.of("id", requests.size(), "parent", code, "descendants", true, "provinces", false,
						"after", "", "limit", 6));
			}
		}
		long batch = dbHits("api/clusters-of-industries", Map.of("requests", requests, "reach", 6));
		assertThat(requests).hasSizeGreaterThan(15);
		assertThat(batch).as("%d sections' pages against %d clusters", requests.size(), clusterCount)
			.isLessThan(2 * clusterCount);
	}

	@Test
	void aPageOfAProgramsListingsHoldsAndReadsThePageNotTheList() {
		// Collecting every listing of a program to slice one page ran past the
		// transaction memory limit for a list of 192,000 at x1000, and a page kept all
		// listings before it in order; the page now seeks past its cursor in the
		// listing_order index, so a page of 3 holds a fraction of a page of 100, and a
		// page nine tenths down reads what the first does.
		List<String> orders;
		try (Session session = this.driver.session(this.sessionConfig)) {
			orders = session.run("""
					MATCH ()-[l:LISTED_IN]->(:Program {key: 'miit-sme'}) RETURN l.listingOrder AS k ORDER BY k""")
				.list((row) -> row.get("k").asString());
		}
		Map<String, Object> small = listingsRequest(null, "", 4);
		Map<String, Object> large = listingsRequest(null, "", 101);
		long smallMemory = globalMemory("api/listings-of-programs", Map.of("requests", List.of(small), "reach", 4));
		long largeMemory = globalMemory("api/listings-of-programs", Map.of("requests", List.of(large), "reach", 101));
		assertThat(smallMemory).as("a page of 3 against a page of 100 (%d bytes)", largeMemory)
			.isPositive()
			.isLessThan(largeMemory / 5);
		long firstHits = dbHits("api/listings-of-programs", Map.of("requests", List.of(small), "reach", 4));
		assertThat(firstHits).as("the first page against the %d listings", orders.size())
			.isPositive()
			.isLessThan(orders.size());
		for (Map<String, Object> deep : List.of(listingsRequest(null, orders.get(orders.size() * 9 / 10), 4),
				listingsRequest(2024, orders.get(orders.size() * 9 / 10), 4))) {
			assertThat(dbHits("api/listings-of-programs", Map.of("requests", List.of(deep), "reach", 4)))
				.as("the page after %s against the first (%d)", deep.get("from"), firstHits)
				.isPositive()
				.isLessThanOrEqualTo(firstHits * 3 / 2);
		}
		assertThat(orders).hasSizeGreaterThan(200);
		assertThat(orders.get(orders.size() * 9 / 10)).startsWith("2024:");
	}

	@Test
	void aProgramsLaterRecognitionsReadTheirFirstRowsNotEveryClusterItLists() {
		// Collecting every cluster of the national list with its listings ran past the
		// transaction memory limit at x1000 (189,000 clusters); the rows the load
		// recorded are read from the later_recognitions index, as many as asked.
		Map<String, Object> parameters = Map.of("program", "miit-sme", "undated", true, "first", 3, "end",
				RecognitionOrder.end(true));
		long recorded = dbHits("api/later-recognitions", parameters);
		long walked = dbHits("api/later-recognitions-walk", parameters);
		assertThat(recorded).as("the recorded rows against the walk (%d)", walked).isPositive().isLessThan(walked / 10);
		long recordedMemory = globalMemory("api/later-recognitions", parameters);
		long walkedMemory = globalMemory("api/later-recognitions-walk", parameters);
		assertThat(recordedMemory).as("the recorded rows against the walk (%d bytes)", walkedMemory)
			.isPositive()
			.isLessThan(walkedMemory / 5);
	}

	@Test
	void comparingTwoEditionsReadsTheirListingsNotEveryListingOfTheProgram() {
		// Comparing two of the national list's sixteen editions read all 192,000 of its
		// listings at x1000; the editions' listings are read from listing_order now.
		Map<String, Object> editions = new HashMap<>(Map.of("fromProgram", "miit-sme", "fromYear", 2022, "toProgram",
				"miit-sme", "toYear", 2023, "first", 5, "lookupAt", ListHistoryController.LOOKUP_AT));
		editions.putAll(Map.of("fromStart", ListingOrder.from(2022, ""), "fromEnd", ListingOrder.to(2022), "toStart",
				ListingOrder.from(2023, ""), "toEnd", ListingOrder.to(2023)));
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			long read = total(tx.run("PROFILE " + CypherFiles.get("api/compare-lists"), editions)
				.consume()
				.queryProfile()
				.orElseThrow());
			// the same comparison on a graph whose listings do not carry their cluster's
			// key: one pass over the program's listings
			tx.run("MATCH ()-[l:LISTED_IN]->() REMOVE l.cluster").consume();
			long walked = total(tx.run("PROFILE " + CypherFiles.get("api/compare-lists-walk"), editions)
				.consume()
				.queryProfile()
				.orElseThrow());
			tx.rollback();
			assertThat(read).as("two editions against the walk of the program (%d)", walked)
				.isPositive()
				.isLessThan(walked / 2);
		}
	}

	@Test
	void twoWholeProgramsAreComparedFromTheirSharedCountsAndAShortListIsLookedUp() {
		// A province's list against the national list of every edition read all
		// 192,000 of the national list's listings at x1000. Two whole programs take
		// their counts from the load and read only each side's first clusters; on a graph
		// without those counts, a list four times shorter than a program is looked up in
		// it, which reads less than both lists.
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			long counted = comparisonHits(tx, "miit-sme", "miit-sme", ListHistoryController.LOOKUP_AT);
			long countedShort = comparisonHits(tx, "most-cultivation", "miit-sme", ListHistoryController.LOOKUP_AT);
			tx.run("MATCH (p:Program) REMOVE p.sharedWith, p.sharedClusters").consume();
			long merged = comparisonHits(tx, "miit-sme", "miit-sme", ListHistoryController.LOOKUP_AT);
			long lookedUp = comparisonHits(tx, "most-cultivation", "miit-sme", ListHistoryController.LOOKUP_AT);
			long read = comparisonHits(tx, "most-cultivation", "miit-sme", Integer.MAX_VALUE);
			tx.rollback();
			assertThat(counted).as("a program against itself from the counts, against both read (%d)", merged)
				.isPositive()
				.isLessThan(merged / 10);
			// (with few shared clusters, as here, finding the first shared reads most of
			// the shorter list, about what the lookup reads)
			assertThat(countedShort).as("from the counts, against both read (%d)", read).isPositive().isLessThan(read);
			assertThat(lookedUp).as("looked up, against both read (%d)", read).isPositive().isLessThan(read * 3 / 4);
		}
	}

	/** The database hits of api/compare-lists for two whole programs, first 5. */
	private static long comparisonHits(Transaction tx, String from, String to, int lookupAt) {
		Map<String, Object> pair = new HashMap<>(Map.of("fromProgram", from, "toProgram", to, "first", 5, "fromStart",
				ListingOrder.from(null, ""), "fromEnd", ListingOrder.to(null), "toStart", ListingOrder.from(null, ""),
				"toEnd", ListingOrder.to(null), "lookupAt", lookupAt));
		pair.put("fromYear", null);
		pair.put("toYear", null);
		return total(
				tx.run("PROFILE " + CypherFiles.get("api/compare-lists"), pair).consume().queryProfile().orElseThrow());
	}

	private static Map<String, Object> listingsRequest(@Nullable Integer year, String after, int limit) {
		Map<String, Object> request = new HashMap<>(Map.of("id", 0, "parent", "miit-sme", "limit", limit));
		request.put("year", year);
		request.put("from", ListingOrder.from(year, after));
		request.put("to", ListingOrder.to(year));
		return request;
	}

	private long globalMemory(String statement, Map<String, Object> parameters) {
		return profile(statement, parameters).arguments().get("GlobalMemory").asLong();
	}

	@Test
	void theFacetsOfARegionAnIndustryOrAProgramReadItsClustersAndThoseOfEveryClusterTheLoadsCounts() {
		// clusterFacets once read every cluster whatever the filter; it now selects the
		// clusters as the list pages do: for the county, the industry class and the
		// program with the fewest clusters, no operator on clusters passes on as many
		// rows as there are clusters, every facet asked
		Map<String, String> smallest;
		try (Session session = this.driver.session(this.sessionConfig)) {
			smallest = smallest(session);
		}
		smallest.forEach((filter,
				code) -> assertThat(operators(profile("api/cluster-facets", facets(Map.of(filter, code), true))))
					.as("the facets of %s %s", filter, code)
					.filteredOn(StatementCostTests::onClusters)
					.isNotEmpty()
					.allSatisfy((operator) -> assertThat(operator.rows().orElseThrow()).isLessThan(clusterCount)));
		// every cluster is read when none of them is named
		assertThat(operators(profile("api/cluster-facets", facets(Map.of(), true))))
			.filteredOn(StatementCostTests::onClusters)
			.anySatisfy((operator) -> assertThat(operator.rows().orElseThrow()).isGreaterThanOrEqualTo(clusterCount));
		// With no filter and none of the pairs, the facets are read from the counts on
		// the provinces, programs, industries and the dataset: no cluster is read.
		assertThat(operators(profile("api/cluster-facets-of-all", facets(Map.of(), false)))).isNotEmpty()
			.noneMatch((operator) -> operator.arguments().toString().contains("Cluster"));
	}

	@Test
	void aNeighbourhoodReadsTheFirstClustersOfAProgramRegionOrIndustryAndItsDegreeFromTheLoad() {
		// Drawing two neighbours of a hub seeks its first clusters in its members index,
		// where expanding it read every member whatever the room; its degree is read
		// where counting it walked every member again.
		List<Map<String, Object>> hubs;
		try (Session session = this.driver.session(this.sessionConfig)) {
			hubs = session.run(HUBS + """
					RETURN elementId(n) AS node, labels(n)[0] AS label,
					       COUNT { (n)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-() } AS relationships""")
				.list((row) -> row.asMap());
		}
		assertThat(hubs).hasSize(3);
		for (Map<String, Object> hub : hubs) {
			long relationships = (Long) hub.get("relationships");
			List<String> node = List.of((String) hub.get("node"));
			long two = dbHits("graph/neighbours", neighbours(node, node, 2));
			long all = dbHits("graph/neighbours", neighbours(node, node, relationships));
			assertThat(relationships).as("%s", hub).isGreaterThan(15);
			assertThat(two * 2).as("%s: two neighbours (%d) against all (%d)", hub, two, all).isLessThan(all);
			// its view, then the same without the recorded degree (rolled back)
			try (Session session = this.driver.session(this.sessionConfig); var tx = session.beginTransaction()) {
				Map<String, Object> nodes = Map.of("nodes", node);
				long recorded = total(tx.run("PROFILE " + CypherFiles.get("graph/view"), nodes)
					.consume()
					.queryProfile()
					.orElseThrow());
				tx.run("MATCH (n) WHERE elementId(n) IN $nodes REMOVE n.degree", nodes).consume();
				long counted = total(tx.run("PROFILE " + CypherFiles.get("graph/view"), nodes)
					.consume()
					.queryProfile()
					.orElseThrow());
				tx.rollback();
				assertThat(recorded + relationships).as("%s: its view (counted %d)", hub, counted)
					.isPositive()
					.isLessThanOrEqualTo(counted);
			}
		}
	}

	@Test
	void aHopFromManyHubsReadsTheirClustersOnlyUpToTheLargestHubsBound() {
		// Every program, region and industry with clusters of its own in one frontier, as
		// a third hop from a county has hundreds: the probe reads the first clusters of
		// the one with the most, and the hop then reads no hub's clusters above the last
		// of those, nor expands a region or industry, where each gave its own first ones.
		List<String> hubs;
		try (Session session = this.driver.session(this.sessionConfig)) {
			hubs = session.run("""
					MATCH (n) WHERE n:Program AND n.clusterCount > 0 OR (n:Region OR n:Industry) AND n.memberCount > 0
					RETURN elementId(n) AS node""").list((row) -> row.get("node").asString());
		}
		int room = 20;
		Map<String, Object> probe = neighbours(hubs, List.of(), room);
		probe.put("probe", true);
		List<String> first;
		try (Session session = this.driver.session(this.sessionConfig)) {
			first = session.run(CypherFiles.get("graph/neighbours"), probe).list((row) -> row.get("id").asString());
		}
		assertThat(first).hasSize(room + 1);
		assertThat(first.get(room)).startsWith("Cluster:");
		Map<String, Object> bounded = neighbours(hubs, List.of(), room);
		bounded.put("bound", first.get(room).substring("Cluster:".length()));
		List<String> ids;
		try (Session session = this.driver.session(this.sessionConfig)) {
			ids = session.run(CypherFiles.get("graph/neighbours"), bounded).list((row) -> row.get("id").asString());
		}
		assertThat(ids).hasSize(room + 1);
		assertThat(ids.get(room)).isLessThanOrEqualTo(first.get(room));
		// the relationships read, from the members indexes or by expanding a node (each
		// hub's own lookups cost the same either way)
		long unbounded = relationshipsRead(profile("graph/neighbours", neighbours(hubs, List.of(), room)));
		long read = relationshipsRead(profile("graph/neighbours", probe))
				+ relationshipsRead(profile("graph/neighbours", bounded));
		assertThat(hubs).hasSizeGreaterThan(100);
		assertThat(read * 3).as("the probe and the bounded hop (%d) against the hop alone (%d)", read, unbounded)
			.isLessThan(unbounded);
	}

	/**
	 * A graph loaded before its relationships carried what the members indexes hold (it
	 * serves until the upgrade's reload switches) has its hubs expanded whole: the same
	 * neighbours, read the long way.
	 */
	@Test
	void aNeighbourhoodOnAGraphWithoutTheMembersIndexesDrawsTheSameNodes() {
		try (Session session = this.driver.session(this.sessionConfig); var tx = session.beginTransaction()) {
			List<String> hubs = tx.run(HUBS + "RETURN elementId(n) AS node").list((row) -> row.get("node").asString());
			Map<String, Object> parameters = neighbours(hubs, hubs.subList(0, 1), 40);
			List<String> indexed = tx.run(CypherFiles.get("graph/neighbours"), parameters)
				.list((row) -> row.get("id").asString());
			long removed = tx.run("""
					MATCH (n)-[l:LISTED_IN|LOCATED_IN|BELONGS_TO]-(:Cluster) WHERE elementId(n) IN $hubs
					REMOVE l.generation, l.program, l.region, l.industry, l.cluster
					RETURN count(l) AS n""", Map.of("hubs", hubs)).single().get("n").asLong();
			List<String> expanded = tx.run(CypherFiles.get("graph/neighbours"), parameters)
				.list((row) -> row.get("id").asString());
			tx.rollback();
			assertThat(removed).isGreaterThan(100);
			assertThat(expanded).hasSize(41).isEqualTo(indexed);
		}
	}

	/** The rows of a profile's relationship index seeks and expansions. */
	private static long relationshipsRead(QueryProfile profile) {
		return operators(profile).stream()
			.filter((operator) -> operator.operatorType().contains("RelationshipIndexSeek")
					|| operator.operatorType().startsWith("Expand"))
			.mapToLong((operator) -> operator.rows().orElseThrow())
			.sum();
	}

	/** The parameters of graph/neighbours for one hop, without a probe or a bound. */
	private static Map<String, Object> neighbours(List<String> nodes, List<String> selected, long room) {
		Map<String, Object> parameters = new HashMap<>(
				Map.of("nodes", nodes, "selected", selected, "room", room, "probe", false));
		parameters.put("bound", null);
		return parameters;
	}

	/**
	 * The county, the industry class and the program with the fewest clusters, by the
	 * filter field that names each.
	 */
	private static Map<String, String> smallest(Session session) {
		Map<String, String> smallest = new HashMap<>();
		smallest.put("program",
				session.run("MATCH (p:Program) RETURN p.key AS key ORDER BY p.clusterCount, key LIMIT 1")
					.single()
					.get("key")
					.asString());
		for (String label : List.of("Region", "Industry")) {
			smallest.put(label.equals("Region") ? "region" : "industry",
					session.run("""
							MATCH (n:$($label)) WHERE n.level IN ['COUNTY', 'CLASS'] AND n.treeMemberCount > 0
							RETURN n.code AS code ORDER BY n.treeMemberCount, code LIMIT 1""", Map.of("label", label))
						.single()
						.get("code")
						.asString());
		}
		return smallest;
	}

	/**
	 * The parameters of clusterFacets for a filter, every facet asked at every industry
	 * level, the pairs too when asked.
	 */
	private static Map<String, Object> facets(Map<String, Object> given, boolean pairs) {
		Map<String, Object> facets = firstPage(given);
		facets.keySet().removeAll(List.of("links", "after", "limit"));
		facets.put("want", Map.of("province", true, "program", true, "regionLevel", true, "provinceProgram", pairs));
		List<String> levels = List.of("SECTION", "DIVISION", "GROUP", "CLASS");
		facets.put("industryLevels", levels);
		facets.put("industryProgramLevels", pairs ? levels : List.of());
		return facets;
	}

	/** Whether an operator reads or filters clusters. */
	private static boolean onClusters(QueryProfile operator) {
		return operator.arguments().getOrDefault("Details", Values.NULL).toString().contains(":Cluster");
	}

	/** A profile's operators, its own and its children's. */
	private static List<QueryProfile> operators(QueryProfile profile) {
		List<QueryProfile> operators = new ArrayList<>();
		operators.add(profile);
		profile.children().forEach((child) -> operators.addAll(operators(child)));
		return operators;
	}

	@Test
	void anUnfilteredTotalIsReadFromTheDatasetNotCountedNodeByNode() {
		// what every front end asks with its first page: the total with no filter, which
		// the load counted (a generation being staged beside the served one makes the
		// database's own label counts too high); a few seeks whatever the graph's size
		Map<String, Object> noFilter = new HashMap<>();
		for (String filter : List.of("region", "regionLevel", "industry", "program", "year", "recognizedIn",
				"nameContains", "level", "hasClusters")) {
			noFilter.put(filter, null);
		}
		for (String statements : List.of("api/clusters", "api/regions", "api/industries")) {
			long filteredHits = dbHits(statements + "-count", noFilter);
			long allHits = dbHits(statements + "-count-all", Map.of());
			assertThat(total(statements + "-count-all", Map.of())).as(statements)
				.isEqualTo(total(statements + "-count", noFilter));
			assertThat(allHits).as("%s: count-all against the filtered count (%d)", statements, filteredHits)
				.isLessThanOrEqualTo(10)
				.isLessThan(filteredHits / 100);
		}
	}

	@Test
	void aLevelAloneIsCountedFromTheDatasetAndAsManyAsHaveARegionOfThatLevel() {
		// a level picked alone, as the explorer's level facet does: the count the load
		// recorded, every level equal to the clusters walked to a region of that level,
		// in a few seeks; with a name besides, the clusters are read
		Map<String, Object> filter = new HashMap<>();
		for (String name : List.of("region", "industry", "program", "year", "recognizedIn", "nameContains")) {
			filter.put(name, null);
		}
		int levels = 0;
		for (String level : List.of("PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP", "ZONE")) {
			filter.put("regionLevel", level);
			long walked;
			try (Session session = this.driver.session(this.sessionConfig)) {
				walked = session
					.run("MATCH (c:Cluster) WHERE EXISTS { (c)-[:LOCATED_IN]->(:Region {level: $level}) } "
							+ "RETURN count(c) AS n", Map.of("level", level))
					.single()
					.get("n")
					.asLong();
			}
			assertThat(total("api/clusters-count", filter)).as(level).isEqualTo(walked);
			assertThat(dbHits("api/clusters-count", filter)).as(level).isLessThanOrEqualTo(20);
			levels += (walked > 0) ? 1 : 0;
		}
		assertThat(levels).isGreaterThan(3);
		// a graph loaded before the count existed counts the clusters
		try (Session session = this.driver.session(this.sessionConfig); var tx = session.beginTransaction()) {
			long recorded = tx.run(CypherFiles.get("api/clusters-count"), filter).single().get("total").asLong();
			tx.run("MATCH (d:Dataset) REMOVE d.regionLevels, d.clustersByRegionLevel").consume();
			assertThat(tx.run(CypherFiles.get("api/clusters-count"), filter).single().get("total").asLong())
				.isPositive()
				.isEqualTo(recorded);
			tx.rollback();
		}
		filter.put("nameContains", "产业");
		assertThat(dbHits("api/clusters-count", filter)).isGreaterThan(100);
	}

	@Test
	void aYearOfRecognitionAloneIsCountedFromTheDatasetAndAYearWithNoneReadsNoCluster() {
		// every year from two before the first edition to two after the last year a
		// listing names: the count the load recorded, equal to the clusters walked, in
		// a few seeks; a year with none pages nothing without reading the clusters, with
		// other filters too
		Map<String, Object> filter = new HashMap<>();
		for (String name : List.of("region", "regionLevel", "industry", "program", "year", "nameContains")) {
			filter.put(name, null);
		}
		List<Integer> years;
		try (Session session = this.driver.session(this.sessionConfig)) {
			years = session.run("""
					MATCH ()-[l:LISTED_IN]->(:Program) WHERE l.year IS NOT NULL
					WITH min(l.year) AS first, max(coalesce(l.validThrough, l.year)) AS last, max(l.year) AS lastYear
					RETURN range(first - 2, CASE WHEN lastYear > last THEN lastYear ELSE last END + 2) AS years""")
				.single()
				.get("years")
				.asList(Value::asInt);
		}
		List<Long> walked = new ArrayList<>();
		for (int year : years) {
			filter.put("recognizedIn", year);
			try (Session session = this.driver.session(this.sessionConfig)) {
				walked.add(session.run("""
						MATCH (c:Cluster) WHERE EXISTS { (c)-[l:LISTED_IN]->(:Program)
						  WHERE l.year <= $year AND coalesce(l.validThrough, $year) >= $year }
						RETURN count(c) AS n""", Map.of("year", year)).single().get("n").asLong());
			}
			assertThat(total("api/clusters-count", filter)).as("%d", year).isEqualTo(walked.get(walked.size() - 1));
			assertThat(dbHits("api/clusters-count", filter)).as("%d", year).isLessThanOrEqualTo(20);
		}
		assertThat(walked).as("%s", years).contains(0L).anySatisfy((n) -> assertThat(n).isGreaterThan(100));
		// (each filter with the statements the service pages it with; a name's with a
		// probe of one, which makes the common text paged in key order)
		int none = years.get(0);
		Map<String, Map<String, Object>> paged = Map.of("api/clusters", Map.of("recognizedIn", none),
				"api/clusters-named", Map.of("recognizedIn", none, "nameContains", "产业", "regionLevel", "COUNTY"));
		for (Map.Entry<String, Map<String, Object>> given : paged.entrySet()) {
			Map<String, Object> page = firstPage(given.getValue());
			page.put("probe", 1);
			assertThat(dbHits(given.getKey() + "-page", page)).as("%s", given).isLessThanOrEqualTo(20);
			assertThat(dbHits(given.getKey() + "-count", page)).as("%s", given).isLessThanOrEqualTo(20);
			try (Session session = this.driver.session(this.sessionConfig)) {
				assertThat(session.run(CypherFiles.get(given.getKey() + "-page"), page).list()).isEmpty();
			}
		}
		// (its facets read the first cluster, whether the graph carries nameText,
		// and no other)
		assertThat(operators(profile("api/cluster-facets", facets(Map.of("recognizedIn", none), false))))
			.as("the facets of %d", none)
			.filteredOn(StatementCostTests::onClusters)
			.isNotEmpty()
			.allSatisfy((operator) -> assertThat(operator.rows().orElseThrow()).isLessThanOrEqualTo(1));
		// listings without a validThrough hold in every year from theirs on: the latest
		// edition's lose theirs, and the dataset is written again from the graph
		try (Session session = this.driver.session(this.sessionConfig); var tx = session.beginTransaction()) {
			tx.run("""
					MATCH ()-[l:LISTED_IN]->(:Program) WITH max(l.year) AS latest
					MATCH ()-[l:LISTED_IN]->(:Program) WHERE l.year = latest REMOVE l.validThrough""").consume();
			var dataset = tx.run("""
					MATCH (d:Dataset {key: 'current'}) WITH d, d {.generation, .loadedAt, .fingerprint} AS kept
					DETACH DELETE d RETURN kept""").single().get("kept").asMap();
			tx.run(CypherFiles.get("load/set-dataset"), dataset).consume();
			for (int year : years) {
				filter.put("recognizedIn", year);
				long open = tx.run("""
						MATCH (c:Cluster) WHERE EXISTS { (c)-[l:LISTED_IN]->(:Program)
						  WHERE l.year <= $year AND coalesce(l.validThrough, $year) >= $year }
						RETURN count(c) AS n""", Map.of("year", year)).single().get("n").asLong();
				assertThat(tx.run(CypherFiles.get("api/clusters-count"), filter).single().get("total").asLong())
					.as("%d with open-ended listings", year)
					.isEqualTo(open);
			}
			assertThat(tx.run(CypherFiles.get("api/clusters-count"), filter).single().get("total").asLong())
				.as("after the last year")
				.isPositive();
			tx.rollback();
		}
		// a graph loaded before the counts existed counts the clusters
		try (Session session = this.driver.session(this.sessionConfig); var tx = session.beginTransaction()) {
			tx.run("MATCH (d:Dataset) REMOVE d.recognizedYears, d.clustersRecognizedIn").consume();
			for (int i = 0; i < years.size(); i++) {
				filter.put("recognizedIn", years.get(i));
				assertThat(tx.run(CypherFiles.get("api/clusters-count"), filter).single().get("total").asLong())
					.isEqualTo(walked.get(i));
			}
			tx.rollback();
		}
	}

	private long total(String statement, Map<String, Object> parameters) {
		try (Session session = this.driver.session(this.sessionConfig)) {
			return session.run(CypherFiles.get(statement), parameters).single().get("total").asLong();
		}
	}

	@Test
	void aShortestPathIsSearchedHopByHopAndGivesTheDatabaseNothingToWarnAbout() {
		try (Session session = this.driver.session(this.sessionConfig)) {
			String from = session.run("MATCH (p:Program {key: 'hubei'}) RETURN elementId(p) AS e")
				.single()
				.get("e")
				.asString();
			String to = session.run("MATCH (i:Industry {code: '0212'}) RETURN elementId(i) AS e")
				.single()
				.get("e")
				.asString();
			for (int maxLength : List.of(1, 10)) {
				ResultSummary summary = session
					.run(CypherFiles.get("graph/shortest-path"), Map.of("from", from, "to", to, "maxLength", maxLength,
							"through", List.of("Cluster", "Region", "Industry")))
					.consume();
				// An exhaustive search was announced with a notification, which the
				// driver logged for every path request.
				assertThat(summary.gqlStatusObjects()).as("maxLength %d", maxLength)
					.noneMatch(GqlNotification.class::isInstance);
			}
		}
	}

	private long dbHits(String statement, Map<String, Object> parameters) {
		return total(profile(statement, parameters));
	}

	/** A statement's profile as the service would run it, with these parameters. */
	private QueryProfile profile(String statement, Map<String, Object> parameters) {
		try (Session session = this.driver.session(this.sessionConfig)) {
			return session.run("PROFILE " + CypherFiles.get(statement), parameters)
				.consume()
				.queryProfile()
				.orElseThrow();
		}
	}

	private static long total(QueryProfile profile) {
		long hits = profile.dbHits().orElseThrow();
		for (QueryProfile child : profile.children()) {
			hits += total(child);
		}
		return hits;
	}

}
