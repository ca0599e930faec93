package org.clustergraph.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.clustergraph.GraphTest;
import org.clustergraph.ReadmeExamples;
import org.clustergraph.ingest.internal.DirectorySeedFiles;
import org.clustergraph.ingest.internal.ResolutionPipeline;
import org.clustergraph.ingest.internal.ResolvedGraph;
import org.clustergraph.ingest.internal.ResolvedListing;
import org.clustergraph.neo4j.EmbeddedNeo4jLauncher;
import org.clustergraph.neo4j.Reads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A load stages the next generation beside the served one and switches by one property:
 * readers never see a part of it, and a load that fails, is killed or meets another load
 * leaves the served graph as it was.
 */
@GraphTest
class GraphSwitchTests {

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	GraphLoader loader;

	@Autowired
	GraphWriter writer;

	@Autowired
	Driver driver;

	@Autowired
	SessionConfig sessionConfig;

	@Autowired
	Reads reads;

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	EmbeddedNeo4jLauncher embedded;

	@AfterEach
	void leaveNoClaimOrLeftovers() {
		this.neo4j.query("MATCH (l:LoadClaim) REMOVE l.loadId, l.since, l.renewed, l.run").run();
		this.neo4j.query("""
				MATCH (s:Serving {key: 'graph'})
				MATCH (n:Cluster|Region|Industry|Program|Dataset) WHERE n.generation <> s.generation
				DETACH DELETE n""").run();
	}

	/** Nodes of a generation that is not served. */
	private long unserved() {
		return count("""
				MATCH (s:Serving {key: 'graph'})
				MATCH (n:Cluster|Region|Industry|Program|Dataset) WHERE n.generation <> s.generation
				RETURN count(n)""");
	}

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
	}

	private ResolvedGraph seedGraph() {
		return new ResolutionPipeline(DirectorySeedFiles.classpath(), GraphShape.digest()).run().graph();
	}

	private GraphWriter writer(int batchSize) {
		return new GraphWriter(this.driver, this.sessionConfig, this.reads, null,
				new LoadProperties(null, Path.of("target/report.txt"), true, batchSize, Duration.ofMinutes(10)));
	}

	private String servedState() {
		String served = "MATCH (s:Serving {key: 'graph'}) ";
		return count(served + "MATCH (c:Cluster {generation: s.generation})-[l:LISTED_IN]->() RETURN count(l)")
				+ " listings, " + count(served + "MATCH (c:Cluster {generation: s.generation}) RETURN count(c)")
				+ " clusters, " + count(served + "MATCH (r:Region {generation: s.generation}) RETURN count(r)")
				+ " regions, " + this.writer.currentFingerprint();
	}

	@Test
	void findsAStoreWrittenBeforeGenerationsInProcessAndOverBolt() {
		// this.writer reads the embedded store's schema in process, writer() over Bolt
		assertThat(GraphWriter.UPGRADE_DROPS).contains("cluster_key", "names");
		assertThat(this.writer.upgradeNeeded()).isFalse();
		assertThat(writer(1000).upgradeNeeded()).isFalse();
		this.neo4j.query("CREATE CONSTRAINT cluster_key IF NOT EXISTS FOR (n:UpgradeProbe) REQUIRE n.key IS UNIQUE")
			.run();
		try {
			assertThat(this.writer.upgradeNeeded()).isTrue();
			assertThat(writer(1000).upgradeNeeded()).isTrue();
		}
		finally {
			this.neo4j.query("DROP CONSTRAINT cluster_key IF EXISTS").run();
		}
	}

	@Test
	void aWriteThatFailsHalfwayLeavesTheServedGraphAndNoStagedNodes() {
		String before = servedState();
		ResolvedGraph graph = seedGraph();
		// a program left out, the one whose first listing comes latest: the batch holding
		// that
		// listing finds no program to link it to, after earlier batches have committed
		Map<String, Integer> firstCluster = new HashMap<>();
		for (int i = 0; i < graph.clusters().size(); i++) {
			for (ResolvedListing listing : graph.clusters().get(i).listings()) {
				firstCluster.putIfAbsent(listing.raw().program(), i);
			}
		}
		String dropped = firstCluster.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElseThrow();
		int firstFailing = firstCluster.get(dropped);
		ResolvedGraph broken = new ResolvedGraph(
				graph.programs().stream().filter((p) -> !p.descriptor().key().equals(dropped)).toList(),
				graph.regions(), graph.otherPrefectureUnits(), graph.industries(), graph.clusters(),
				graph.possibleMatches(), "broken");
		assertThat(firstFailing).as("batches of 2 clusters commit before the failing one").isGreaterThan(4);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> writer(2).write(broken, Instant.now()))
			.withMessageContaining("load/create-listings wrote")
			.withMessageContaining("the graph served is kept");
		assertThat(servedState()).isEqualTo(before);
		assertThat(unserved()).as("the staged part is deleted").isZero();
		assertThat(count("MATCH (l:LoadClaim) WHERE l.loadId IS NOT NULL RETURN count(l)")).as("claim released")
			.isZero();
	}

	@Test
	void stagedNodesLeftByAKilledLoadAreNeverReadAndTheNextLoadDeletesThem() {
		String before = servedState();
		String key = this.neo4j.query("MATCH (c:Cluster) RETURN c.key ORDER BY c.key LIMIT 1")
			.fetchAs(String.class)
			.one()
			.orElseThrow();
		// what a load killed while staging leaves: nodes of the next generation, one with
		// a served cluster's key, linked to a program of that generation, and a claim it
		// stopped renewing long ago
		this.neo4j
			.query("""
					MATCH (s:Serving {key: 'graph'})
					CREATE (c:Cluster {key: $key, generation: s.generation + 1, name: 'staged, not served'})
					       -[:LISTED_IN {year: 2030}]->(:Program {key: 'staged-program', generation: s.generation + 1, name: 'x'})
					CREATE (:Dataset {key: 'current', generation: s.generation + 1, fingerprint: 'staged'})
					MERGE (l:LoadClaim {key: 'load'})
					SET l.loadId = 'killed', l.since = timestamp() - 3600000, l.renewed = timestamp() - 3600000""")
			.bind(key)
			.to("key")
			.run();
		this.graphQl.document("query($id: ID!) { cluster(id: $id) { name listings { year } } }")
			.variable("id", "Cluster:" + key)
			.execute()
			.path("cluster.name")
			.entity(String.class)
			.satisfies((name) -> assertThat(name).isNotEqualTo("staged, not served"))
			.path("cluster.listings[*].year")
			.entityList(Integer.class)
			.satisfies((years) -> assertThat(years).doesNotContain(2030));
		this.graphQl.document("{ programs { id } dataset { fingerprint } }")
			.execute()
			.path("programs[*].id")
			.entityList(String.class)
			.satisfies((ids) -> assertThat(ids).doesNotContain("Program:staged-program"))
			.path("dataset.fingerprint")
			.entity(String.class)
			.isEqualTo(this.writer.currentFingerprint());
		assertThat(servedState()).isEqualTo(before);

		this.loader.load(true);
		assertThat(servedState()).isEqualTo(before);
		assertThat(unserved()).isZero();
		assertThat(count("MATCH (n) WHERE n.key = 'staged-program' RETURN count(n)")).isZero();
	}

	@Test
	void aLoadRefusesWhileAnotherHoldsTheClaimAndKeepsTheServedGraph() {
		String before = servedState();
		this.neo4j.query("""
				MERGE (l:LoadClaim {key: 'load'})
				SET l.loadId = 'alive', l.since = timestamp(), l.renewed = timestamp()""").run();
		assertThatExceptionOfType(LoadRefusedException.class).isThrownBy(() -> this.loader.load(true))
			.withMessageContaining("Another load (alive, since ")
			.withMessageContaining("the graph served is kept");
		assertThat(servedState()).isEqualTo(before);
		assertThat(this.neo4j.query("MATCH (l:LoadClaim) RETURN l.loadId").fetchAs(String.class).one())
			.as("the other load's claim stays")
			.contains("alive");
	}

	@Test
	void aClaimMadeBeforeTheEmbeddedDatabaseLastStartedIsADeadLoadsAndIsTaken() {
		// what a load killed with its process leaves, renewed just before the kill: a
		// claim of the database's previous run, fresh by the clock
		this.neo4j.query("""
				MERGE (l:LoadClaim {key: 'load'})
				SET l.loadId = 'killed with its process', l.since = timestamp(), l.renewed = timestamp(),
				    l.run = 'an earlier run'""").run();
		String before = servedState();
		Long switches = count("MATCH (s:Serving {key: 'graph'}) RETURN s.generation");
		this.loader.load(true);
		assertThat(count("MATCH (s:Serving {key: 'graph'}) RETURN s.generation")).as("switched")
			.isGreaterThan(switches);
		assertThat(servedState()).isEqualTo(before);
		assertThat(count("MATCH (l:LoadClaim) WHERE l.loadId IS NOT NULL OR l.run IS NOT NULL RETURN count(l)"))
			.as("claim released")
			.isZero();
	}

	@Test
	void aFreshClaimOfThisRunOfTheDatabaseRefusesTheLoad() {
		String before = servedState();
		this.neo4j.query("""
				MERGE (l:LoadClaim {key: 'load'})
				SET l.loadId = 'alive here', l.since = timestamp(), l.renewed = timestamp(), l.run = $run""")
			.bind(this.embedded.await().runId())
			.to("run")
			.run();
		assertThatExceptionOfType(LoadRefusedException.class).isThrownBy(() -> this.loader.load(true))
			.withMessageContaining("Another load (alive here, since ")
			.satisfies((ex) -> assertThat(ex.staleAt()).isAfter(Instant.now().plus(Duration.ofMinutes(9))));
		assertThat(servedState()).isEqualTo(before);
	}

	/**
	 * A read the README's examples do not make: root connections with and without
	 * filters, the unfiltered counts, industries with their trees, node lookups and
	 * search.
	 */
	private static final String OTHER_READS = """
			{
			  dataset { fingerprint listingCount clusterCount }
			  clusters(first: 30, filter: {region: "330000", industry: "C"}) {
			    totalCount edges { cursor node { id provinces { code } industries { code } programs { key } } }
			  }
			  allClusters: clusters(first: 5) { totalCount edges { node { id } } }
			  regions(first: 10, filter: {level: PROVINCE, hasClusters: true}) {
			    totalCount edges { node { code parent { code } programs { key } } }
			  }
			  allRegions: regions(first: 3) { totalCount }
			  industries(first: 10, filter: {hasClusters: true}) {
			    totalCount edges { node { code parent { code } children { code } provinces { code } clusters(first: 3) { totalCount } } }
			  }
			  allIndustries: industries(first: 3) { totalCount }
			}""";

	/**
	 * Filters that the load's counts and indexes answer: a name (产业 is held by enough
	 * clusters of the two generations together to be paged in key order while a load
	 * stages), a name with a level and a year of recognition, a year of recognition alone
	 * and one in which no cluster is, an edition year, a level.
	 */
	private static final String FILTER_READS = """
			{
			  named: clusters(first: 30, filter: {nameContains: "产业"}) { totalCount edges { node { id } } }
			  few: clusters(first: 5, filter: {nameContains: "机床"}) { totalCount edges { node { id } } }
			  combined: clusters(first: 5, filter: {nameContains: "产业", regionLevel: COUNTY, recognizedIn: 2023}) {
			    totalCount edges { node { id } }
			  }
			  recognized: clusters(first: 5, filter: {recognizedIn: 2023}) { totalCount edges { node { id } } }
			  none: clusters(first: 5, filter: {recognizedIn: 2010, nameContains: "产业"}) { totalCount edges { node { id } } }
			  year: clusters(first: 5, filter: {year: 2023}) { totalCount edges { node { id } } }
			  level: clusters(first: 5, filter: {regionLevel: COUNTY}) { totalCount edges { node { id } } }
			  facets: clusterFacets(filter: {nameContains: "机"}) { total byProvince { region { code } count } }
			}""";

	/** More of them: a query may select at most 10 root fields. */
	private static final String MORE_READS = """
			{
			  industry(code: "C34") { name clusters(first: 5) { totalCount edges { node { id } } } }
			  region: node(id: "Region:330000") { id }
			  program: node(id: "Program:miit-sme") { id }
			  search(text: "机床", first: 20) { score node { __typename ... on Cluster { id } ... on Region { id } } }
			  crossListedClusters(minPrograms: 2, first: 50) { totalCount }
			  clusterFacets(filter: {region: "420000"}) { total byProgram { program { key } count } }
			  programs { key clusterCount listings(first: 3) { totalCount } }
			}""";

	/**
	 * With a whole next generation staged (the same clusters under the same keys, so that
	 * a read matching a node without its generation would find two), every README example
	 * and every other kind of read answers exactly as before; then the switch serves the
	 * new generation and deletes the old.
	 */
	@Test
	void everyReadAnswersFromTheServedGenerationWhileTheNextIsStaged() {
		Map<String, String> documents = new LinkedHashMap<>(ReadmeExamples.read());
		assertThat(documents).hasSizeGreaterThan(10);
		documents.put("other reads", OTHER_READS);
		documents.put("more reads", MORE_READS);
		documents.put("filter reads", FILTER_READS);
		long servedNodes = count("""
				MATCH (s:Serving {key: 'graph'})
				MATCH (n:Cluster|Region|Industry|Program|Dataset) WHERE n.generation = s.generation
				RETURN count(n)""");
		long servedGeneration = count("MATCH (s:Serving {key: 'graph'}) RETURN s.generation");
		Map<String, Object> before = answers(documents);
		Map<?, ?> filtered = (Map<?, ?>) before.get("filter reads");
		assertThat(List.of("named", "few", "combined", "recognized", "year", "level"))
			.allSatisfy((field) -> assertThat((Integer) ((Map<?, ?>) filtered.get(field)).get("totalCount")).as(field)
				.isPositive());
		assertThat(((Map<?, ?>) filtered.get("none")).get("totalCount")).isEqualTo(0);
		AtomicReference<Map<String, Object>> during = new AtomicReference<>();
		AtomicLong staged = new AtomicLong();
		this.writer.write(new AtomicReference<>(seedGraph()), Instant.now(), () -> {
			staged.set(unserved());
			during.set(answers(documents));
		});
		assertThat(staged.get()).as("a whole generation was staged beside the served one").isEqualTo(servedNodes);
		assertThat(during.get()).isEqualTo(before);
		assertThat(count("MATCH (s:Serving {key: 'graph'}) RETURN s.generation")).isEqualTo(servedGeneration + 1);
		assertThat(unserved()).as("the previous generation is deleted").isZero();
		assertThat(answers(documents)).isEqualTo(before);
	}

	/**
	 * Each document's data, read after giving the served graph a new load time, so that
	 * answers kept per graph version (analysis, facets) are computed by their statements.
	 */
	private Map<String, Object> answers(Map<String, String> documents) {
		// each document after a new version recomputes what is kept per version, on
		// a database busy with a staged generation: it may take more than the
		// tester's default 5 s
		GraphQlTester graphQl = this.graphQl.mutate().responseTimeout(Duration.ofSeconds(60)).build();
		Map<String, Object> answers = new LinkedHashMap<>();
		documents.forEach((name, document) -> {
			this.neo4j.query("""
					MATCH (s:Serving {key: 'graph'})
					MATCH (d:Dataset {key: 'current', generation: s.generation})
					SET d.loadedAt = d.loadedAt + ' read again'""").run();
			Map<String, Object> data = new LinkedHashMap<>(
					graphQl.document(document).execute().path("").entity(Map.class).get());
			// search scores weigh a term by how many of the index's names hold
			// it, and the index holds the staged generation's names too: the hits
			// stay, while their scores, and so the order of close ones, move a
			// little while a load stages
			data.computeIfPresent("search",
					(field, hits) -> ((List<?>) hits).stream()
						.map((hit) -> new LinkedHashMap<>((Map<?, ?>) hit))
						.peek((hit) -> hit.remove("score"))
						.map(Object::toString)
						.sorted()
						.toList());
			answers.put(name, data);
		});
		return answers;
	}

}
