package org.clustergraph.graph;

import java.util.List;
import java.util.Optional;

import org.clustergraph.api.Batches;
import org.clustergraph.cluster.Cluster;
import org.clustergraph.industry.Industry;
import org.clustergraph.program.Program;
import org.clustergraph.region.Region;

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

	private final Batches batches;

	NodeController(Batches batches) {
		this.batches = batches;
	}

	@QueryMapping
	Optional<Object> node(@Argument String id) {
		int colon = id.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		List<String> key = List.of(id.substring(colon + 1));
		List<?> found = switch (id.substring(0, colon)) {
			case "Program" -> this.batches.byKeys("api/programs-by-key", "keys", key, "program", Program::of);
			case "Cluster" -> this.batches.byKeys("api/clusters-by-key", "keys", key, "cluster", Cluster::of);
			case "Region" -> this.batches.byKeys("api/regions-by-code", "codes", key, "region", Region::of);
			case "Industry" -> this.batches.byKeys("api/industries-by-code", "codes", key, "industry", Industry::of);
			default -> List.of();
		};
		return found.stream().findFirst().map(Object.class::cast);
	}

}
