package org.clustergraph.program;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clustergraph.api.Batches;
import org.clustergraph.neo4j.Rows;

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

	private final Batches batches;

	private final Programs programs;

	ProgramController(Batches batches, Programs programs) {
		this.batches = batches;
		this.programs = programs;
	}

	@BatchMapping
	Map<Program, List<Edition>> editions(List<Program> programs) {
		return this.batches.grouped("api/editions-of-programs", "keys", programs, Program::key, "program",
				(row) -> Edition.of(Rows.map(row, "edition")));
	}

	@QueryMapping
	List<Program> programs() {
		return List.copyOf(this.programs.byKey().values());
	}

	@QueryMapping
	Optional<Program> program(@Argument String key) {
		return this.batches.byKeys("api/programs-by-key", "keys", List.of(key), "program", Program::of)
			.stream()
			.findFirst();
	}

}
