package org.clustergraph.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.clustergraph.cluster.Cluster;
import org.clustergraph.industry.Industry;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.Program;
import org.clustergraph.region.Region;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code node(id)}: the global id's label picks the lookup; an unknown label or
 * key is null, as for every lookup.
 */
@Controller
@Transactional(readOnly = true)
class NodeController {

	private final Neo4jClient neo4j;

	NodeController(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	@QueryMapping
	Optional<Object> node(@Argument String id) {
		int colon = id.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		String key = id.substring(colon + 1);
		return switch (id.substring(0, colon)) {
			case "Program" -> one("api/program-by-key", "key", key, "program", Program::of);
			case "Cluster" -> one("api/clusters-by-key", "keys", List.of(key), "cluster", Cluster::of);
			case "Region" -> one("api/regions-by-code", "codes", List.of(key), "region", Region::of);
			case "Industry" -> one("api/industries-by-code", "codes", List.of(key), "industry", Industry::of);
			default -> Optional.empty();
		};
	}

	private Optional<Object> one(String statement, String parameter, Object value, String column,
			Function<Map<?, ?>, Object> mapper) {
		return this.neo4j.query(CypherFiles.get(statement))
			.bind(value)
			.to(parameter)
			.fetch()
			.all()
			.stream()
			.findFirst()
			.map((row) -> mapper.apply(Rows.map(row, column)));
	}

}
