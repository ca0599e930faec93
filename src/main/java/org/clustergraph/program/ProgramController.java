package org.clustergraph.program;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clustergraph.api.Batches;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.Rows;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code programs} and {@code program(key)}.
 */
@Controller
@Transactional(readOnly = true)
class ProgramController {

	private final Neo4jClient neo4j;

	private final Batches batches;

	ProgramController(Neo4jClient neo4j, Batches batches) {
		this.neo4j = neo4j;
		this.batches = batches;
	}

	@BatchMapping
	Map<Program, List<Edition>> editions(List<Program> programs) {
		return this.batches.grouped("api/editions-of-programs", "keys", programs, Program::key, "program",
				(row) -> Edition.of(Rows.map(row, "edition")));
	}

	@QueryMapping
	List<Program> programs() {
		return this.neo4j.query(CypherFiles.get("api/programs"))
			.fetch()
			.all()
			.stream()
			.map((row) -> Program.of((Map<?, ?>) row.get("program")))
			.toList();
	}

	@QueryMapping
	Optional<Program> program(@Argument String key) {
		return this.batches.byKeys("api/programs-by-key", "keys", List.of(key), "program", Program::of)
			.stream()
			.findFirst();
	}

}
