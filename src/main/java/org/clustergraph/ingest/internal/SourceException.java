package org.clustergraph.ingest.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The inputs cannot be loaded; carries every problem found, each with its file and line.
 */
public class SourceException extends RuntimeException {

	private final List<SourceProblem> problems;

	/**
	 * Creates an exception for one problem.
	 * @param problem the problem
	 */
	public SourceException(SourceProblem problem) {
		this(List.of(problem));
	}

	/**
	 * Creates an exception for several problems.
	 * @param problems the problems, at least one
	 */
	public SourceException(List<SourceProblem> problems) {
		super(problems.size() + " problem(s) in the load's inputs:\n"
				+ problems.stream().map((p) -> "  " + p).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems found.
	 * @return the problems
	 */
	public List<SourceProblem> problems() {
		return this.problems;
	}

}
