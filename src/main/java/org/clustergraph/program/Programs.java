package org.clustergraph.program;

import java.util.LinkedHashMap;
import java.util.Map;

import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.Rows;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Reads every program, for the answers that name programs by key or check a key an
 * argument gives. Runs in the caller's transaction.
 */
@Component
public class Programs {

	private final Neo4jClient neo4j;

	Programs(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * Every program.
	 * @return the programs by key, in key order
	 */
	public Map<String, Program> byKey() {
		Map<String, Program> byKey = new LinkedHashMap<>();
		this.neo4j.query(CypherFiles.get("api/programs")).fetch().all().forEach((row) -> {
			Program program = Program.of(Rows.map(row, "program"));
			byKey.put(program.key(), program);
		});
		return byKey;
	}

}
