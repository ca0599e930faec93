package org.clustergraph.program;

import java.util.LinkedHashMap;
import java.util.Map;

import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;

import org.springframework.stereotype.Component;

/**
 * Reads every program, for the answers that name programs by key or check a key an
 * argument gives. Runs in the caller's transaction.
 */
@Component
public class Programs {

	private final Reads reads;

	Programs(Reads reads) {
		this.reads = reads;
	}

	/**
	 * Every program.
	 * @return the programs by key, in key order
	 */
	public Map<String, Program> byKey() {
		Map<String, Program> byKey = new LinkedHashMap<>();
		this.reads.all("api/programs", Map.of()).forEach((row) -> {
			Program program = Program.of(Rows.map(row, "program"));
			byKey.put(program.key(), program);
		});
		return byKey;
	}

}
