package org.clustergraph.ingest;

import org.clustergraph.neo4j.CypherFiles;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code dataset}: the record the last load left on the graph.
 */
@Controller
class DatasetController {

	private final Neo4jClient neo4j;

	DatasetController(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	@QueryMapping
	@Transactional(readOnly = true)
	Dataset dataset() {
		return this.neo4j.query(CypherFiles.get("api/dataset"))
			.fetchAs(Dataset.class)
			.mappedBy((types, row) -> new Dataset(row.get("loadedAt").asString(), row.get("fingerprint").asString(),
					row.get("listingCount").asInt(), row.get("clusterCount").asInt()))
			.one()
			.orElse(Dataset.EMPTY);
	}

}
