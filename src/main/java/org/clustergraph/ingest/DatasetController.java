package org.clustergraph.ingest;

import java.util.Map;
import java.util.Objects;

import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code dataset}: the record the last load left on the graph.
 */
@Controller
class DatasetController {

	private final Reads reads;

	DatasetController(Reads reads) {
		this.reads = reads;
	}

	@QueryMapping
	@Transactional(readOnly = true)
	Dataset dataset() {
		return this.reads.one("api/dataset", Map.of())
			.map((row) -> new Dataset(Objects.requireNonNull(Rows.string(row, "loadedAt")),
					Objects.requireNonNull(Rows.string(row, "fingerprint")),
					Objects.requireNonNull(Rows.integer(row, "listingCount")),
					Objects.requireNonNull(Rows.integer(row, "clusterCount"))))
			.orElse(Dataset.EMPTY);
	}

}
