package org.clustergraph.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.EmbeddedNeo4j;
import org.clustergraph.neo4j.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load's row statements (an {@code UNWIND $rows} that matches nodes it staged) find
 * every node they match by one seek of its unique (key, generation) index. On a fresh
 * store the planner, working from indexes sampled while they were empty, once found one
 * end of link-regions by scanning the whole index for every row: three seconds for the
 * seed's 3,392 regions and a quadratic cost in any label that grows. The plan must not
 * depend on when the statistics were taken, so it is checked here on a fresh store as the
 * planner makes it there, leaf by leaf.
 */
class LoadStatementPlansTests {

	@TempDir
	Path store;

	@Test
	void everyRowStatementSeeksEachNodeItMatchesByItsUniqueIndexOnAFreshStore() {
		List<String> statements = CypherFiles.folder("load")
			.stream()
			.filter((statement) -> CypherFiles.get(statement).contains("UNWIND $rows")
					&& CypherFiles.get(statement).contains("MATCH ("))
			.toList();
		assertThat(statements).contains("load/link-regions", "load/link-industries", "load/create-listings");
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(this.store, "127.0.0.1", 0, "", "16m",
				Duration.ofSeconds(60));
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties);
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
				Session session = driver.session()) {
			// as a first load finds the store: the schema created on it empty, then a
			// generation staged, a label at a time, before the first row statement runs
			for (String statement : CypherFiles.folder("schema")) {
				session.run(CypherFiles.get(statement)).consume();
			}
			session.run(CypherFiles.get("load/await-indexes")).consume();
			for (String label : List.of("Region", "Industry", "Program", "Cluster")) {
				String key = switch (label) {
					case "Region", "Industry" -> "code";
					default -> "key";
				};
				session
					.run("UNWIND range(1, 3000) AS n CREATE (x:" + label + " {" + key
							+ ": toString(n), generation: 1})")
					.consume();
			}
			for (String statement : statements) {
				Plan plan = session
					.run("EXPLAIN " + CypherFiles.get(statement), Map.of("rows", List.of(), "generation", 1))
					.consume()
					.plan();
				List<Plan> leaves = new ArrayList<>();
				collectLeaves(plan, leaves);
				// the UNWIND of the rows, and one seek per matched node
				assertThat(leaves).as(statement).hasSizeGreaterThanOrEqualTo(3);
				assertThat(leaves).as(statement)
					.filteredOn((leaf) -> !leaf.operatorType().startsWith("Unwind")
							&& !leaf.operatorType().startsWith("Argument"))
					.allSatisfy((leaf) -> assertThat(leaf.operatorType()).as(statement + " " + describe(leaf))
						.startsWith("NodeUniqueIndexSeek"));
			}
		}
	}

	private static void collectLeaves(Plan plan, List<Plan> leaves) {
		if (plan.children().isEmpty()) {
			leaves.add(plan);
		}
		for (Plan child : plan.children()) {
			collectLeaves(child, leaves);
		}
	}

	private static String describe(Plan plan) {
		return plan.operatorType() + " " + plan.arguments().get("Details");
	}

}
