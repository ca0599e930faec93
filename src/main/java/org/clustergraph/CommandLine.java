package org.clustergraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the program arguments before anything starts: a mistyped command such as
 * {@code --relaod} would otherwise be taken for a setting of that name and ignored, and
 * the operator would not learn that nothing was reloaded. Settings given as
 * {@code --name=value} pass as Spring Boot reads them.
 */
final class CommandLine {

	/** The commands that take no value. */
	private static final Set<String> FLAGS = Set.of("--reload", "--exit", "--train", "--debug", "--trace");

	static final String USAGE = "the commands are --reload, --exit, --export-csv=FILE and --train[=SECONDS]; "
			+ "a setting is given as --name=value (README, Configuration)";

	private CommandLine() {
	}

	/**
	 * What is wrong with the arguments.
	 * @param args the program arguments
	 * @return one message per argument that is neither a command nor a setting; empty
	 * when all are fine
	 */
	static List<String> problems(String... args) {
		List<String> problems = new ArrayList<>();
		for (String arg : args) {
			if (FLAGS.contains(arg)) {
				continue;
			}
			if (arg.equals("--export-csv") || arg.equals("--export-csv=")) {
				problems.add("'" + arg + "' needs the file to write: --export-csv=FILE");
			}
			else if (!arg.startsWith("--") || arg.length() == 2) {
				problems.add("'" + arg + "' is not an option (options start with --)");
			}
			else if (!arg.contains("=")) {
				problems.add("unknown command '" + arg + "'");
			}
		}
		return problems;
	}

}
