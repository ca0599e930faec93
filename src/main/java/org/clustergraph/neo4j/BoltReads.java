package org.clustergraph.neo4j;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Reads over Bolt with Spring Data Neo4j's client, in the transaction its transaction
 * manager began: the way to an external server or cluster.
 */
final class BoltReads implements Reads {

	private final Neo4jClient neo4j;

	BoltReads(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> all(String statement, Map<String, ? extends @Nullable Object> parameters) {
		STATEMENTS.debug("{}", statement);
		return List.copyOf(
				this.neo4j.query(CypherFiles.get(statement)).bindAll((Map<String, Object>) parameters).fetch().all());
	}

}
