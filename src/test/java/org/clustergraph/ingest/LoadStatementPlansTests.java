package org.clustergraph.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.EmbeddedNeo4j;
import org.clustergraph.neo4j.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * planner makes it there, leaf by leaf. So is link-cluster-provinces', which once walked
 * the whole region tree down from every province for each cluster.
 */
class LoadStatementPlansTests {

	@TempDir
	static Path store;

	private static EmbeddedNeo4j neo4j;

	private static Driver driver;

	/**
	 * A store as a first load finds it: the schema created on it empty, then a generation
	 * staged a label at a time, regions linked into a tree, before the statements run.
	 */
	@BeforeAll
	static void freshStore() {
		neo4j = EmbeddedNeo4j
			.start(new EmbeddedNeo4jProperties(store, "127.0.0.1", 0, "", "16m", Duration.ofSeconds(60), "40%"));
		driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
		try (Session session = driver.session()) {
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
			// thirty provinces of a hundred regions each, and a cluster in each region
			session.run("""
					MATCH (r:Region {generation: 1})
					WITH r, toInteger(r.code) AS n
					SET r.level = CASE WHEN n <= 30 THEN 'PROVINCE' ELSE 'PREFECTURE' END
					WITH r, n WHERE n > 30
					MATCH (p:Region {code: toString(n % 30 + 1), generation: 1})
					CREATE (r)-[:LOCATED_IN]->(p)
					WITH r, n
					MATCH (c:Cluster {key: toString(n), generation: 1})
					CREATE (c)-[:LOCATED_IN]->(r)""").consume();
		}
	}

	@AfterAll
	static void stop() {
		driver.close();
		neo4j.close();
	}

	/**
	 * A node pattern that a row names by its key or code, as in {@code (c:Cluster {key:
	 * row.cluster})}.
	 */
	private static final Pattern MATCHED_BY_ROW = Pattern.compile("\\(\\w+:\\w+ \\{(key|code): row\\.");

	@Test
	void everyRowStatementSeeksEachNodeItMatchesByItsUniqueIndexOnAFreshStore() {
		List<String> statements = CypherFiles.folder("load")
			.stream()
			.filter((statement) -> CypherFiles.get(statement).contains("UNWIND $rows")
					&& CypherFiles.get(statement).contains("MATCH ("))
			.toList();
		assertThat(statements).contains("load/link-regions", "load/link-industries", "load/create-listings");
		for (String statement : statements) {
			List<Plan> leaves = new ArrayList<>();
			collectLeaves(plan(statement), leaves);
			// the UNWIND of the rows, and a seek per node a row's key or code names
			long matched = MATCHED_BY_ROW.matcher(CypherFiles.get(statement)).results().count();
			assertThat(matched).as(statement).isPositive();
			assertThat(leaves).as(statement)
				.filteredOn((leaf) -> !leaf.operatorType().startsWith("Unwind")
						&& !leaf.operatorType().startsWith("Argument"))
				.hasSize((int) matched)
				.allSatisfy((leaf) -> assertThat(leaf.operatorType()).as(statement + " " + describe(leaf))
					.startsWith("NodeUniqueIndexSeek"));
		}
	}

	/**
	 * The provinces of each cluster are found by walking up from its regions, never by
	 * starting at the provinces and walking the region tree down for every cluster.
	 */
	@Test
	void theProvincesOfEachClusterAreFoundByWalkingUpFromItsRegions() {
		List<Plan> operators = new ArrayList<>();
		collectAll(plan("load/link-cluster-provinces"), operators);
		assertThat(operators).extracting(LoadStatementPlansTests::describe)
			.noneMatch((operator) -> operator.contains("Region(level)"))
			.anyMatch((operator) -> operator.startsWith("VarLengthExpand") && operator.contains("(r)-["));
	}

	private static Plan plan(String statement) {
		try (Session session = driver.session()) {
			return session.run("EXPLAIN " + CypherFiles.get(statement), Map.of("rows", List.of(), "generation", 1))
				.consume()
				.plan();
		}
	}

	private static void collectAll(Plan plan, List<Plan> operators) {
		operators.add(plan);
		for (Plan child : plan.children()) {
			collectAll(child, operators);
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
