package org.clustergraph.neo4j;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement that reads the graph starts from the Serving node, so that it answers
 * from the served generation and never from one a load is staging beside it. The only
 * exceptions walk from element ids that such a statement gave, and relationships never
 * join two generations. GraphSwitchTests checks the answers themselves with a generation
 * staged; this check names the statement a new read forgot.
 */
class ServedGenerationStatementsTests {

	private static final Set<String> FROM_SERVED_ELEMENT_IDS = Set.of("graph/neighbours", "graph/view",
			"graph/shortest-path");

	@Test
	void everyReadStartsFromTheServedGeneration() {
		List<String> reads = Stream.of("api", "analysis", "export", "graph")
			.flatMap((folder) -> CypherFiles.folder(folder).stream())
			.filter((statement) -> !FROM_SERVED_ELEMENT_IDS.contains(statement))
			.toList();
		assertThat(reads).hasSizeGreaterThan(40);
		assertThat(reads).allSatisfy((statement) -> assertThat(CypherFiles.get(statement)).as(statement)
			.containsPattern("MATCH \\(served:Serving \\{key: 'graph'\\}\\)")
			.contains("served.generation"));
		assertThat(FROM_SERVED_ELEMENT_IDS)
			.allSatisfy((statement) -> assertThat(CypherFiles.get(statement)).as(statement)
				.contains("elementId(")
				.doesNotContainPattern("\\((\\w+)?:(Cluster|Region|Industry|Program)\\b[^)]*\\{"));
	}

}
