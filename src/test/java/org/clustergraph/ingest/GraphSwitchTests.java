package org.clustergraph.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.clustergraph.ingest.internal.DirectorySeedFiles;
import org.clustergraph.ingest.internal.ResolutionPipeline;
import org.clustergraph.ingest.internal.ResolvedGraph;
import org.clustergraph.ingest.internal.ResolvedListing;
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
 * A load stages the next graph beside the served one and switches in one transaction:
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
	GraphQlTester graphQl;

	@AfterEach
	void leaveNoClaimOrLeftovers() {
		this.neo4j.query("MATCH (l:LoadClaim) REMOVE l.loadId, l.since, l.renewed").run();
		this.neo4j.query("MATCH (n:Staged|Retired) DETACH DELETE n").run();
	}

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
	}

	private ResolvedGraph seedGraph() {
		return new ResolutionPipeline(DirectorySeedFiles.classpath(), GraphShape.digest()).run().graph();
	}

	private GraphWriter writer(int batchSize) {
		return new GraphWriter(this.driver, this.sessionConfig,
				new LoadProperties(null, Path.of("target/report.txt"), true, batchSize, Duration.ofMinutes(10)));
	}

	private String servedState() {
		return count("MATCH (:Cluster)-[l:LISTED_IN]->(:Program) RETURN count(l)") + " listings, "
				+ count("MATCH (c:Cluster) RETURN count(c)") + " clusters, " + count("MATCH (r:Region) RETURN count(r)")
				+ " regions, " + this.writer.currentFingerprint();
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
		assertThat(count("MATCH (n:Staged|Retired) RETURN count(n)")).as("the staged part is deleted").isZero();
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
		// what a load killed while staging leaves: staged nodes, one with a served
		// cluster's
		// key, linked to a staged program, and a claim it stopped renewing long ago
		this.neo4j.query("""
				CREATE (c:Staged:StagedCluster {key: $key, name: 'staged, not served'})
				       -[:LISTED_IN {year: 2030}]->(:Staged:StagedProgram {key: 'staged-program', name: 'x'})
				CREATE (:Staged:StagedDataset {key: 'current', fingerprint: 'staged'})
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
		assertThat(count("MATCH (n:Staged|Retired) RETURN count(n)")).isZero();
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

}
