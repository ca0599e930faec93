package org.clustergraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.clustergraph.ingest.internal.ResolutionReport;
import org.clustergraph.ingest.internal.SourceException;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.program.ListingOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.annotation.Autowired;
import org.clustergraph.GraphTest;
import org.springframework.data.neo4j.core.Neo4jClient;

import org.assertj.core.api.InstanceOfAssertFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The seed graph as loaded into the embedded Neo4j at startup, reloads, failed loads and
 * the CSV export.
 */
@GraphTest
class GraphLoadTests {

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	GraphLoader loader;

	@Autowired
	GraphWriter writer;

	@Autowired
	ListingCsvExporter exporter;

	@Autowired
	Driver driver;

	@Autowired
	SessionConfig sessionConfig;

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
	}

	@Test
	void holdsEveryListingOfTheFivePrograms() {
		assertThat(count("MATCH (:Cluster)-[l:LISTED_IN]->(:Program) RETURN count(l)")).isEqualTo(638);
		assertThat(count("MATCH (p:Program) RETURN count(p)")).isEqualTo(5);
		Map<String, Object> counts = this.neo4j
			.query("MATCH (p:Program)<-[l:LISTED_IN]-() RETURN p.key AS key, count(l) AS n ORDER BY key")
			.fetch()
			.all()
			.stream()
			.collect(java.util.stream.Collectors.toMap((r) -> (String) r.get("key"), (r) -> r.get("n")));
		assertThat(counts).containsEntry("most-pilot", 61L)
			.containsEntry("most-cultivation", 47L)
			.containsEntry("zhejiang", 120L)
			.containsEntry("hubei", 110L)
			.containsEntry("miit-sme", 300L);
	}

	@Test
	void describesProgramsWithOnlyWhatTheSourcesState() {
		Map<String, Object> miit = this.neo4j
			.query("MATCH (p:Program {key: 'miit-sme'}) RETURN p.issuer AS issuer, "
					+ "p.years AS years, p.level AS level")
			.fetch()
			.one()
			.orElseThrow();
		assertThat(miit).containsEntry("issuer", "工业和信息化部").containsEntry("level", "NATIONAL");
		assertThat(miit.get("years")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(2022L, 2023L, 2024L);
		Map<String, Object> zhejiang = this.neo4j
			.query("MATCH (p:Program {key: 'zhejiang'}) RETURN p.issuer AS issuer, p.years AS years")
			.fetch()
			.one()
			.orElseThrow();
		assertThat(zhejiang.get("issuer")).isNull();
		assertThat(zhejiang.get("years")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
	}

	@Test
	void linksRegionsToTheirRealParents() {
		assertThat(count("MATCH (:Region {name: '仙桃市'})-[:LOCATED_IN]->(p:Region {code: '420000'}) RETURN count(p)"))
			.isEqualTo(1);
		assertThat(count("MATCH (:Region {code: '110108'})-[:LOCATED_IN]->(p:Region {code: '110000'}) RETURN count(p)"))
			.isEqualTo(1);
		assertThat(count("MATCH (r:Region {level: 'PROVINCE'}) RETURN count(r)")).isEqualTo(31);
		assertThat(count("MATCH (r:Region) WHERE r.name IN ['市辖区', '省直辖县级行政区划'] RETURN count(r)")).isZero();
		assertThat(count("MATCH (i:Industry {level: 'CLASS'}) RETURN count(i)")).isEqualTo(1381);
		assertThat(count("MATCH (:Industry {code: '3422'})-[:BELONGS_TO]->(p:Industry {code: '342'}) RETURN count(p)"))
			.isEqualTo(1);
	}

	@Test
	void storesWhatReadsWouldOtherwiseDeriveAndKeepsItConsistentWithTheGraph() {
		// every node's parent property names the node its LOCATED_IN or BELONGS_TO leads
		// to
		assertThat(count("""
				MATCH (n) WHERE n:Region OR n:Industry
				OPTIONAL MATCH (n)-[:LOCATED_IN|BELONGS_TO]->(p) WHERE labels(p) = labels(n)
				WITH n, p WHERE n.parent IS NULL <> p IS NULL OR n.parent <> p.code
				RETURN count(n)""")).isZero();
		assertThat(count("MATCH (r:Region {code: '420100'}) WHERE r.parent = '420000' RETURN count(r)")).isEqualTo(1);
		// IN_PROVINCE is exactly the provinces above a cluster's LOCATED_IN regions
		assertThat(count("""
				MATCH (c:Cluster)
				WITH c,
				     COLLECT { MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(p:Region {level: 'PROVINCE'})
				               RETURN DISTINCT p.code ORDER BY p.code } AS walked,
				     COLLECT { MATCH (c)-[:IN_PROVINCE]->(p:Region) RETURN p.code ORDER BY p.code } AS stored
				WHERE walked <> stored OR size(stored) = 0
				RETURN count(c)""")).isZero();
		// the codes filters and facets read are the walks up both trees
		assertThat(count("""
				MATCH (c:Cluster)
				WITH c,
				     COLLECT { MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(r:Region)
				               RETURN DISTINCT r.code ORDER BY r.code } AS regions,
				     COLLECT { MATCH (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(i:Industry)
				               RETURN DISTINCT i.code ORDER BY i.code } AS industries,
				     COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) RETURN DISTINCT r.level ORDER BY r.level } AS levels
				WHERE c.inRegions <> regions OR c.inIndustries <> industries OR c.regionLevels <> levels
				   OR c.inRegions IS NULL OR c.inIndustries IS NULL OR c.regionLevels IS NULL
				   OR size(regions) = 0 OR size(industries) = 0
				RETURN count(c)""")).isZero();
		// nameText, which the text index of names holds, is the canonical name, then
		// every other name, in NFKC (Java's form, which the API gives the filter
		// text in), each once, one per line
		try (Session session = this.driver.session(this.sessionConfig)) {
			List<String> wrong = session
				.run("MATCH (c:Cluster) RETURN c.key AS key, c.name AS name, c.names AS names, c.nameText AS text")
				.list((row) -> {
					String name = Normalizer.normalize(row.get("name").asString(), Normalizer.Form.NFKC);
					Set<String> names = new HashSet<>(Set.of(name));
					row.get("names")
						.asList(Value::asString)
						.forEach((listed) -> names.add(Normalizer.normalize(listed, Normalizer.Form.NFKC)));
					List<String> lines = List.of(row.get("text").asString("").split("\n", -1));
					boolean right = lines.get(0).equals(name) && lines.size() == names.size()
							&& new HashSet<>(lines).equals(names);
					return right ? null : row.get("key").asString();
				})
				.stream()
				.filter(Objects::nonNull)
				.toList();
			assertThat(wrong).as("clusters whose nameText is not their names").isEmpty();
		}
		assertThat(count(
				"MATCH (c:Cluster) WHERE any(n IN [c.name] + c.names WHERE normalize(n, NFKC) <> n) RETURN count(c)"))
			.as("clusters with a name that NFKC changes")
			.isPositive();
		// an industry's stored counts and member industries are the walks down its
		// subtree,
		// and its clusters' BELONGS_TO carry what the industry_members index reads
		assertThat(
				count("""
						MATCH (i:Industry)
						WITH i,
						     COUNT { MATCH (i)<-[:BELONGS_TO]-(c:Cluster) RETURN DISTINCT c } AS direct,
						     COUNT { MATCH (i)<-[:BELONGS_TO*0..]-(:Industry)<-[:BELONGS_TO]-(c:Cluster) RETURN DISTINCT c } AS tree,
						     COLLECT { MATCH (i)<-[:BELONGS_TO*0..]-(x:Industry) WHERE EXISTS { (x)<-[:BELONGS_TO]-(:Cluster) }
						               RETURN x.code ORDER BY x.code } AS industries
						WHERE i.memberCount <> direct OR i.treeMemberCount <> tree OR i.memberIndustries <> industries
						   OR i.memberCount IS NULL OR i.treeMemberCount IS NULL OR i.memberIndustries IS NULL
						RETURN count(i)"""))
			.isZero();
		assertThat(count("MATCH (i:Industry) WHERE i.treeMemberCount > i.memberCount RETURN count(i)")).isPositive();
		assertThat(count("""
				MATCH (c:Cluster)-[m:BELONGS_TO]->(i:Industry)
				WHERE m.generation <> c.generation OR m.industry <> i.code OR m.cluster <> c.key
				   OR m.generation IS NULL OR m.industry IS NULL OR m.cluster IS NULL
				RETURN count(m)""")).isZero();
		// a region's likewise (member regions below the provinces only), and its
		// clusters'
		// LOCATED_IN and IN_PROVINCE carry what region_members and province_members read
		assertThat(
				count("""
						MATCH (r:Region)
						WITH r,
						     COUNT { MATCH (r)<-[:LOCATED_IN]-(c:Cluster) RETURN DISTINCT c } AS direct,
						     COUNT { MATCH (r)<-[:LOCATED_IN*0..]-(:Region)<-[:LOCATED_IN]-(c:Cluster) RETURN DISTINCT c } AS tree,
						     COLLECT { MATCH (r)<-[:LOCATED_IN*0..]-(x:Region) WHERE EXISTS { (x)<-[:LOCATED_IN]-(:Cluster) }
						               RETURN x.code ORDER BY x.code } AS regions
						WHERE r.memberCount <> direct OR r.treeMemberCount <> tree
						   OR r.memberCount IS NULL OR r.treeMemberCount IS NULL
						   OR (r.level = 'PROVINCE') <> (r.memberRegions IS NULL) OR r.memberRegions <> regions
						RETURN count(r)"""))
			.isZero();
		assertThat(count("MATCH (r:Region) WHERE r.level <> 'PROVINCE' AND r.treeMemberCount > r.memberCount "
				+ "AND r.memberCount > 0 RETURN count(r)"))
			.isPositive();
		assertThat(count("""
				MATCH (c:Cluster)-[m:LOCATED_IN|IN_PROVINCE]->(r:Region)
				WHERE m.generation <> c.generation OR m.region <> r.code OR m.cluster <> c.key
				   OR m.generation IS NULL OR m.region IS NULL OR m.cluster IS NULL
				RETURN count(m)""")).isZero();
		// a program's stored cluster count is the distinct clusters it lists
		assertThat(count("""
				MATCH (p:Program)
				WHERE p.clusterCount <> COUNT { MATCH (p)<-[:LISTED_IN]-(c:Cluster) RETURN DISTINCT c }
				RETURN count(p)""")).isZero();
		assertThat(count("MATCH (p:Program) WHERE p.clusterCount > 0 RETURN count(p)")).isEqualTo(5);
		// a program's, region's and industry's stored degree is its distinct neighbours
		// walked; a cluster has none stored and is counted when drawn
		assertThat(count("""
				MATCH (n)
				WITH n, COUNT { MATCH (n)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(m) RETURN DISTINCT m } AS walked
				WHERE (n:Program OR n:Region OR n:Industry) AND (n.degree IS NULL OR n.degree <> walked)
				   OR n:Cluster AND n.degree IS NOT NULL
				RETURN count(n)""")).isZero();
		assertThat(count("MATCH (n:Program|Region|Industry) WHERE n.degree > 100 RETURN count(n)")).isPositive();
		// its stored editions are its years' listings walked one by one: new means no
		// listing of the program in an earlier year, shared a listing on another program
		assertThat(count("""
				MATCH (p:Program)<-[l:LISTED_IN]-(c:Cluster) WHERE l.year IS NOT NULL
				WITH p, l.year AS year, count(l) AS listings, collect(DISTINCT c) AS clusters
				WITH p, year, listings, size(clusters) AS members,
				     size([c IN clusters WHERE NOT EXISTS {
				         (c)-[e:LISTED_IN]->(p) WHERE e.year < year }]) AS fresh,
				     size([c IN clusters WHERE EXISTS { (c)-[:LISTED_IN]->(o:Program) WHERE o <> p }]) AS shared
				ORDER BY year
				WITH p, collect(year) AS years, collect(listings) AS listings, collect(members) AS members,
				     collect(fresh) AS fresh, collect(shared) AS shared
				WHERE p.editionYears <> years OR p.editionListings <> listings OR p.editionClusters <> members
				   OR p.editionNewClusters <> fresh OR p.editionAlsoOnOtherPrograms <> shared
				   OR p.editionYears IS NULL
				RETURN count(p)""")).isZero();
		assertThat(count("MATCH (p:Program) WHERE p.editionYears = [] RETURN count(p)")).isPositive();
		// the clusters it shares with each other program, walked: every program that
		// shares one, by key, and none that shares none
		assertThat(count("""
				MATCH (p:Program)
				OPTIONAL MATCH (p)<-[:LISTED_IN]-(c:Cluster)-[:LISTED_IN]->(o:Program) WHERE o <> p
				WITH p, o, count(DISTINCT c) AS n ORDER BY o.key
				WITH p, [x IN collect({key: o.key, n: n}) WHERE x.key IS NOT NULL] AS overlaps
				WHERE p.sharedWith IS NULL OR p.sharedWith <> [x IN overlaps | x.key]
				   OR p.sharedClusters <> [x IN overlaps | x.n]
				RETURN count(p)""")).isZero();
		assertThat(count("MATCH (p:Program) WHERE size(p.sharedWith) > 0 RETURN count(p)")).isEqualTo(5);
		// a cluster's program count is the distinct programs listing it, and its place in
		// crossListedClusters' order that count and its key; the dataset's tally is
		// theirs
		assertThat(count("""
				MATCH (c:Cluster)
				WITH c, COUNT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p } AS programs
				WHERE c.programCount <> programs OR c.programCount IS NULL
				   OR c.crossListing <> right('00000' + toString(999999 - programs), 6) + ':' + c.key
				   OR c.crossListing IS NULL
				RETURN count(c)""")).isZero();
		assertThat(count("MATCH (c:Cluster) WHERE c.programCount > 1 RETURN count(c)")).isPositive();
		assertThat(count("""
				MATCH (c:Cluster)
				WITH c.programCount AS programs, count(c) AS clusters ORDER BY programs
				WITH collect(programs) AS counts, collect(clusters) AS tally
				MATCH (d:Dataset {key: 'current'})
				WHERE d.programCounts = counts AND d.clustersByProgramCount = tally
				RETURN count(d)""")).isEqualTo(1);
		// and so many clusters are recognized in each year, as the filter recognizedIn
		// reads a listing, from the first edition year to the year after the last named
		assertThat(count("""
				MATCH (d:Dataset {key: 'current'})
				UNWIND range(0, size(d.recognizedYears) - 1) AS i
				WITH d.recognizedYears[i] AS year, d.clustersRecognizedIn[i] AS recorded
				WHERE recorded <> COUNT { MATCH (c:Cluster) WHERE EXISTS { (c)-[l:LISTED_IN]->(:Program)
				        WHERE l.year <= year AND coalesce(l.validThrough, year) >= year } }
				RETURN count(*)""")).isZero();
		assertThat(count("""
				MATCH ()-[l:LISTED_IN]->(:Program) WHERE l.year IS NOT NULL
				WITH min(l.year) AS first, max(coalesce(l.validThrough, l.year)) AS last, max(l.year) AS lastYear
				MATCH (d:Dataset {key: 'current'})
				WHERE d.recognizedYears = range(first, CASE WHEN lastYear > last THEN lastYear ELSE last END + 1)
				  AND size(d.clustersRecognizedIn) = size(d.recognizedYears)
				RETURN count(d)""")).isEqualTo(1);
	}

	/**
	 * A store an earlier version loaded serves its graph until the reload that the
	 * upgrade starts switches: its programs have no stored editions and its listings no
	 * listingOrder. A program's editions then answer as none, and its pages of listings
	 * as a graph of this version answers them, by the same cursors.
	 */
	@Test
	void pagesAProgramLoadedBeforeItsListingsWereOrderedAsThisVersionDoes() {
		List<String> orders = this.neo4j
			.query("MATCH ()-[l:LISTED_IN]->(:Program {key: 'miit-sme'}) RETURN l.listingOrder ORDER BY l.listingOrder")
			.fetchAs(String.class)
			.all()
			.stream()
			.toList();
		List<Map<String, Object>> requests = new ArrayList<>();
		for (Integer year : Arrays.asList(null, 2023)) {
			for (String after : List.of("", orders.get(150), orders.get(299))) {
				Map<String, Object> request = new HashMap<>();
				request.put("id", requests.size());
				request.put("parent", "miit-sme");
				request.put("year", year);
				request.put("from", ListingOrder.from(year, after));
				request.put("to", ListingOrder.to(year));
				request.put("limit", 4);
				requests.add(request);
			}
		}
		Map<String, Object> parameters = Map.of("requests", requests, "reach", 4);
		try (Session session = this.driver.session(this.sessionConfig); Transaction tx = session.beginTransaction()) {
			List<Map<String, Object>> indexed = tx.run(CypherFiles.get("api/listings-of-programs"), parameters)
				.list((row) -> row.asMap());
			tx.run("""
					MATCH (p:Program {key: 'miit-sme'})
					REMOVE p.editionYears, p.editionListings, p.editionClusters, p.editionNewClusters,
					       p.editionAlsoOnOtherPrograms
					WITH p
					MATCH ()-[l:LISTED_IN]->(p)
					REMOVE l.generation, l.program, l.listingOrder""").consume();
			assertThat(tx.run(CypherFiles.get("api/editions-of-programs"), Map.of("keys", List.of("miit-sme"))).list())
				.isEmpty();
			List<Map<String, Object>> unindexed = tx.run(CypherFiles.get("api/listings-of-programs"), parameters)
				.list((row) -> row.asMap());
			// the pages' listings, less what this version adds to them
			assertThat(unindexed).hasSize(requests.size());
			for (int i = 0; i < requests.size(); i++) {
				assertThat(unindexed.get(i).get("total")).as("request %d", i).isEqualTo(indexed.get(i).get("total"));
				assertThat(lines(unindexed.get(i))).as("request %d", i)
					.isEqualTo(lines(indexed.get(i)))
					.hasSizeLessThanOrEqualTo(4);
			}
			assertThat(lines(unindexed.get(0))).hasSize(4);
			assertThat(lines(unindexed.get(4))).hasSize(4);
			tx.rollback();
		}
		assertThat(count("MATCH (p:Program {key: 'miit-sme'}) RETURN size(p.editionYears)")).isEqualTo(3);
	}

	private static List<Object> lines(Map<String, Object> row) {
		return ((List<?>) row.get("page")).stream()
			.map((item) -> ((Map<?, ?>) ((Map<?, ?>) item).get("listing")))
			.map((listing) -> listing.get("document") + ":" + listing.get("line") + ":" + listing.get("rank"))
			.map(Object.class::cast)
			.toList();
	}

	@Test
	void countsPrefectureLevelUnitsThatAreNotPrefecturesAtPrefectureLevel() {
		Map<String, Object> countsAt = this.neo4j.query("""
				MATCH (r:Region) WHERE r.code IN ['110000', '330000', '330400', '110108', '330411', '429004']
				RETURN r.code AS code, r.countsAt AS levels""")
			.fetch()
			.all()
			.stream()
			.collect(java.util.stream.Collectors.toMap((r) -> (String) r.get("code"), (r) -> r.get("levels")));
		assertThat(countsAt).containsEntry("110000", List.of("PROVINCE", "PREFECTURE"))
			.containsEntry("330000", List.of("PROVINCE"))
			.containsEntry("330400", List.of("PREFECTURE"))
			.containsEntry("110108", List.of("COUNTY"))
			.containsEntry("330411", List.of("COUNTY"))
			.containsEntry("429004", List.of("COUNTY", "PREFECTURE"));
		assertThat(
				count("MATCH (r:Region) WHERE 'PREFECTURE' IN r.countsAt AND r.level <> 'PREFECTURE' RETURN count(r)"))
			.as("the 4 municipalities and the 32 county-level units the NBS table puts under 省直辖县级行政区划"
					+ " (1 in 河南, 4 in 湖北, 15 in 海南, 12 in 新疆)")
			.isEqualTo(36);
	}

	@Test
	void storesOneClusterWithOneListingPerList() {
		Map<String, Object> yangzhou = this.neo4j.query("""
				MATCH (c:Cluster)-[l:LISTED_IN]->(:Program {key: 'most-pilot'})
				WHERE l.nameAsListed = '扬州数控成形机床创新型产业集群'
				MATCH (c)-[all:LISTED_IN]->(p:Program)
				MATCH (c)-[:LOCATED_IN]->(r:Region)
				MATCH (c)-[:BELONGS_TO]->(i:Industry)
				RETURN collect(DISTINCT p.key) AS programs, collect(DISTINCT r.code) AS regions,
				       collect(DISTINCT i.code) AS industries, collect(DISTINCT all.line) AS lines""")
			.fetch()
			.one()
			.orElseThrow();
		assertThat(yangzhou.get("programs")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder("most-pilot", "miit-sme");
		assertThat(yangzhou.get("regions")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly("321003");
		assertThat(yangzhou.get("industries")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly("3422");
	}

	@Test
	void reloadsIdempotentlyWithTheSameClusterIds() {
		List<String> before = this.neo4j.query("MATCH (c:Cluster) RETURN c.key ORDER BY c.key")
			.fetchAs(String.class)
			.all()
			.stream()
			.toList();
		ResolutionReport report = this.loader.load(true);
		List<String> after = this.neo4j.query("MATCH (c:Cluster) RETURN c.key ORDER BY c.key")
			.fetchAs(String.class)
			.all()
			.stream()
			.toList();
		assertThat(after).isEqualTo(before);
		assertThat(count("MATCH (:Cluster)-[l:LISTED_IN]->(:Program) RETURN count(l)")).isEqualTo(638);
		assertThat(this.loader.load(false)).as("up to date: nothing to load").isNull();
		assertThat(report).isNotNull();
		assertThat(report.listingsInProvince()).isEqualTo(638);
		assertThat(report.aboveThePrefectureLevel())
			.as("only names that name no prefecture-level unit; a municipality (上海精细化工…) is one")
			.map((line) -> line.substring(line.indexOf(' ') + 1))
			.containsExactlyInAnyOrder("辽宁激光创新型产业集群", "青藏高原特色生物资源与中藏药创新型产业集群");
		assertThat(report.listingsInPrefectureUnit()).isEqualTo(636);
		assertThat(report.unclassifiedClusters()).isLessThanOrEqualTo(report.clusters() / 100);
		assertThat(report.render()).contains("listings placed in a prefecture-level unit or deeper: 636 of 638 (99.7%)")
			.contains("辽宁激光创新型产业集群");
	}

	@Test
	void samplesEveryIndexAgainAfterALoad() {
		// An index whose statistics are out of date: sampled when it was empty, then
		// filled. The load must leave no index planned from such a sample.
		this.neo4j.query("CREATE INDEX stats_probe IF NOT EXISTS FOR (n:StatsProbe) ON (n.value)").run();
		try {
			this.neo4j.query("CALL db.awaitIndex('stats_probe')").run();
			this.neo4j.query("UNWIND range(1, 500) AS i CREATE (:StatsProbe {value: i % 7})").run();
			assertThat(probeStatistics()).as("before the load").containsEntry("updatesSinceEstimation", 500L);
			this.loader.load(true);
			assertThat(probeStatistics()).as("after the load")
				.containsEntry("updatesSinceEstimation", 0L)
				.containsEntry("totalSize", 500L)
				.containsEntry("estimatedUniqueSize", 7L);
		}
		finally {
			this.neo4j.query("MATCH (n:StatsProbe) DELETE n").run();
			this.neo4j.query("DROP INDEX stats_probe IF EXISTS").run();
		}
	}

	private Map<String, Object> probeStatistics() {
		try (var session = this.driver.session(this.sessionConfig)) {
			return session.run("""
					CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
					UNWIND data.indexes AS index
					WITH index WHERE index.labels = ['StatsProbe']
					RETURN index {.updatesSinceEstimation, .totalSize, .estimatedUniqueSize} AS statistics""")
				.single()
				.get("statistics")
				.asMap();
		}
	}

	@Test
	void refusesBadInputAndKeepsThePreviousGraph(@TempDir Path copy) throws IOException {
		copySeeds(copy);
		Path document = copy.resolve("000_205a5886c7ee6398.txt");
		Files.writeString(document,
				Files.readString(document, StandardCharsets.UTF_8).replace("试点名单（61个）", "试点名单（60个）"));
		String fingerprint = this.writer.currentFingerprint();
		GraphLoader broken = new GraphLoader(this.writer,
				new LoadProperties(copy, copy.resolve("report.txt"), true, 1000, Duration.ofMinutes(10)));
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> broken.load(true))
			.withMessageContaining("000_205a5886c7ee6398.txt:2")
			.withMessageContaining("states 60 entries but 61 were read");
		assertThat(this.writer.currentFingerprint()).isEqualTo(fingerprint);
		assertThat(count("MATCH (:Cluster)-[l:LISTED_IN]->(:Program) RETURN count(l)")).isEqualTo(638);
	}

	/**
	 * A reference table saved as GB18030, as a spreadsheet program on a Chinese Windows
	 * saves CSV, read every Chinese cell as replacement characters and loaded a graph
	 * without a single alias: now the load refuses it at its first Chinese line.
	 */
	@Test
	void refusesATableNotSavedAsUtf8AndKeepsThePreviousGraph(@TempDir Path copy) throws IOException {
		copySeeds(copy);
		Path aliases = copy.resolve("reference/region-aliases.csv");
		List<String> lines = Files.readAllLines(aliases, StandardCharsets.UTF_8);
		int firstChinese = 0;
		while (lines.get(firstChinese).chars().allMatch((c) -> c < 0x80)) {
			firstChinese++;
		}
		Files.write(aliases, Files.readString(aliases, StandardCharsets.UTF_8).getBytes("GB18030"));
		String fingerprint = this.writer.currentFingerprint();
		GraphLoader broken = new GraphLoader(this.writer,
				new LoadProperties(copy, copy.resolve("report.txt"), true, 1000, Duration.ofMinutes(10)));
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> broken.load(true))
			.withMessageContaining("reference/region-aliases.csv:" + (firstChinese + 1) + ": is not UTF-8")
			.withMessageContaining("iconv -f GB18030 -t UTF-8");
		assertThat(this.writer.currentFingerprint()).isEqualTo(fingerprint);
		assertThat(count("MATCH (:Cluster)-[l:LISTED_IN]->(:Program) RETURN count(l)")).isEqualTo(638);
	}

	/**
	 * A start into a new store resolves the inputs while the database starts; the load
	 * then writes what was resolved then, and a failure there is the load's failure,
	 * named as before, with the previous graph kept.
	 */
	@Test
	void writesTheInputsResolvedAheadAndRefusesThemWhenBad(@TempDir Path copy) throws IOException {
		copySeeds(copy);
		Path document = copy.resolve("000_205a5886c7ee6398.txt");
		String published = Files.readString(document, StandardCharsets.UTF_8);
		GraphLoader loader = new GraphLoader(this.writer,
				new LoadProperties(copy, copy.resolve("report.txt"), true, 1000, Duration.ofMinutes(10)));
		loader.resolveAhead().join();
		// read after the resolution ahead: the load writes the inputs as resolved then
		Files.writeString(document, published.replace("试点名单（61个）", "试点名单（60个）"));
		ResolutionReport report = loader.load(true);
		assertThat(report).isNotNull();
		assertThat(report.listings()).isEqualTo(638);
		assertThat(count("MATCH (:Cluster)-[l:LISTED_IN]->(:Program) RETURN count(l)")).isEqualTo(638);
		String fingerprint = this.writer.currentFingerprint();
		// the next resolution ahead reads the broken document, and the load refuses it
		loader.resolveAhead();
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> loader.load(true))
			.withMessageContaining("000_205a5886c7ee6398.txt:2")
			.withMessageContaining("states 60 entries but 61 were read");
		assertThat(this.writer.currentFingerprint()).isEqualTo(fingerprint);
		assertThat(count("MATCH (:Cluster)-[l:LISTED_IN]->(:Program) RETURN count(l)")).isEqualTo(638);
	}

	@Test
	void exportsOneCsvRowPerListingWithItsPlaceAtEveryLevel(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("listings.csv");
		assertThat(this.exporter.export(file)).isEqualTo(638);
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(639);
		assertThat(lines.get(0)).contains("program,year,rank,name_as_listed");
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("zhejiang,,6,王江泾织造产业集群,")
			.contains("330000,浙江省,330400,嘉兴市,330411,秀洲区,330411101,王江泾镇"));
		assertThat(lines.get(0)).endsWith(",industry_confidence,industry_evidence,possible_matches");
		// the town's cluster and its county's stay apart, each naming the other as a
		// possible match
		String county = this.neo4j
			.query("MATCH (c:Cluster)-[l:LISTED_IN]->() WHERE l.nameAsListed = '萧山化纤产业群' RETURN c.key")
			.fetchAs(String.class)
			.one()
			.orElseThrow();
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("zhejiang,,")
			.contains(",衙前化纤产业集群,")
			.containsPattern(",0\\.\\d\\d,")
			.containsPattern("Cluster:" + county + " \\(0\\.\\d\\d\\)"));
	}

	@Test
	void exportReplacesAnEarlierTableWholeAndLeavesNoPartialFile(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("listings.csv");
		Files.writeString(file, "an earlier table\n".repeat(5000));
		assertThat(this.exporter.export(file)).isEqualTo(638);
		assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(639)
			.noneMatch((line) -> line.contains("an earlier table"));
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void exportInSmallChunksWritesTheSameTable(@TempDir Path dir) throws IOException {
		// the seeds' largest program has more than a hundred listings: many chunks each
		Path whole = dir.resolve("whole.csv");
		Path chunked = dir.resolve("chunked.csv");
		this.exporter.export(whole);
		for (int chunk : new int[] { 1, 7 }) {
			assertThat(new ListingCsvExporter(this.driver, this.sessionConfig, chunk).export(chunked)).isEqualTo(638);
			assertThat(Files.readAllLines(chunked, StandardCharsets.UTF_8)).as("chunks of %d", chunk)
				.isEqualTo(Files.readAllLines(whole, StandardCharsets.UTF_8));
		}
	}

	@Test
	void exportReadsNothingOfAGenerationNotServed() {
		// a listing staged as the next load would stage it, beside the served graph
		long served = this.neo4j.query("MATCH (s:Serving {key: 'graph'}) RETURN s.generation")
			.fetchAs(Long.class)
			.one()
			.orElseThrow();
		this.neo4j.query("""
				CREATE (:Cluster {key: 'staged', generation: $next, name: 'staged'})
				  -[:LISTED_IN {generation: $next, program: 'zhejiang', listingOrder: '0'}]->
				  (:Program {key: 'zhejiang', generation: $next})""").bind(served + 1).to("next").run();
		try (Session session = this.driver.session(this.sessionConfig)) {
			for (long generation : new long[] { served, served + 1 }) {
				int rows = session
					.executeRead(
							(tx) -> tx
								.run(CypherFiles.get("export/listings"),
										Map.of("generation", generation, "program", "zhejiang", "after", "", "limit",
												5))
								.list()
								.size());
				assertThat(rows).as("generation %d, %d served", generation, served)
					.isEqualTo((generation == served) ? 5 : 0);
			}
		}
		finally {
			this.neo4j.query("MATCH (n) WHERE n.generation = $next DETACH DELETE n").bind(served + 1).to("next").run();
		}
	}

	@Test
	void exportThroughASymbolicLinkReplacesTheFileItNamesAndKeepsItsPermissions(@TempDir Path dir) throws IOException {
		Path real = dir.resolve("real.csv");
		Files.writeString(real, "an earlier table");
		Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
		Path link = Files.createSymbolicLink(dir.resolve("listings.csv"), real);
		assertThat(this.exporter.export(link)).isEqualTo(638);
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readAllLines(real, StandardCharsets.UTF_8)).hasSize(639);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-r-----");
		Path fresh = dir.resolve("fresh.csv");
		this.exporter.export(fresh);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-r--r--");
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files).containsExactlyInAnyOrder(real, link, fresh);
		}
	}

	@Test
	void exportThatReadsFewerListingsThanAProgramHasFailsAndKeepsTheEarlierTable(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("listings.csv");
		Files.writeString(file, "an earlier table");
		// a listing that the listing_order index does not hold, as a listing deleted or
		// added under the export would be
		this.neo4j.query("""
				MATCH (s:Serving {key: 'graph'})
				MATCH (p:Program {key: 'zhejiang', generation: s.generation})<-[:LISTED_IN]-(c:Cluster)
				WITH p, c LIMIT 1
				CREATE (c)-[:LISTED_IN {note: 'not in the index'}]->(p)""").run();
		try {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.exporter.export(file))
				.withMessageContaining("program zhejiang has")
				.withMessageContaining(file + " was left as it was");
			assertThat(file).hasContent("an earlier table");
			try (Stream<Path> files = Files.list(dir)) {
				assertThat(files).containsExactly(file);
			}
		}
		finally {
			this.neo4j.query("MATCH ()-[l:LISTED_IN {note: 'not in the index'}]->() DELETE l").run();
		}
	}

	@Test
	void exportThatCannotBePutInPlaceNamesTheFileAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
		// a directory with a file in it where the table should go: the move at the end
		// fails
		Path file = dir.resolve("listings.csv");
		Files.createDirectories(file);
		Files.writeString(file.resolve("kept.txt"), "kept");
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.exporter.export(file))
			.withMessageContaining("Cannot write " + file);
		assertThat(file.resolve("kept.txt")).hasContent("kept");
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files).containsExactly(file);
		}
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.exporter.export(Path.of("/")))
			.withMessage("--export-csv=/ names no file to write");
	}

	@Test
	void everyCypherFileCompiles() {
		try (var session = this.driver.session(this.sessionConfig)) {
			for (String folder : List.of("load", "export", "api", "analysis", "graph")) {
				for (String statement : CypherFiles.folder(folder)) {
					session.executeWrite((tx) -> tx.run("EXPLAIN " + CypherFiles.get(statement), Map.of()).consume());
				}
			}
		}
	}

	private static void copySeeds(Path target) throws IOException {
		Path source = Path.of("seeds");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path destination = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(file, destination);
				}
			}
		}
	}

}
