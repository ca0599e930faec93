package org.clustergraph.api;

import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Reads of the seed graph that tests use to find ids and to check the API's answers
 * against Cypher written independently of the API's own statements.
 */
final class ApiTestSupport {

	private final Neo4jClient neo4j;

	ApiTestSupport(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/** The global id of the cluster that has a listing with this name as listed. */
	String clusterId(String nameAsListed) {
		return "Cluster:" + this.neo4j
			.query("MATCH (c:Cluster)-[l:LISTED_IN]->() WHERE l.nameAsListed = $name RETURN c.key LIMIT 1")
			.bind(nameAsListed)
			.to("name")
			.fetchAs(String.class)
			.one()
			.orElseThrow();
	}

	/** One number from a statement returning a column {@code n}. */
	long count(String cypher, Map<String, Object> parameters) {
		return this.neo4j.query(cypher)
			.bindAll(parameters)
			.fetchAs(Long.class)
			.mappedBy((types, record) -> record.get("n").asLong())
			.one()
			.orElseThrow();
	}

	/** The strings of a statement returning a column {@code s}. */
	List<String> strings(String cypher, Map<String, Object> parameters) {
		return List.copyOf(this.neo4j.query(cypher)
			.bindAll(parameters)
			.fetchAs(String.class)
			.mappedBy((types, record) -> record.get("s").asString())
			.all());
	}

}
