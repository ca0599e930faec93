package org.clustergraph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistyped command is refused before anything starts; commands and settings pass.
 */
class CommandLineTests {

	@Test
	void passesTheCommandsAndSettings() {
		assertThat(CommandLine.problems()).isEmpty();
		assertThat(CommandLine.problems("--reload", "--exit", "--export-csv=listings.csv", "--train", "--train=60",
				"--server.port=9000", "--clustergraph.load.batch-size=500", "--debug"))
			.isEmpty();
	}

	@Test
	void refusesAMistypedCommandAValuelessExportAndABareWord() {
		assertThat(CommandLine.problems("--relaod", "--exit")).containsExactly("unknown command '--relaod'");
		assertThat(CommandLine.problems("--export-csv", "listings.csv")).containsExactly(
				"'--export-csv' needs the file to write: --export-csv=FILE",
				"'listings.csv' is not an option (options start with --)");
		assertThat(CommandLine.problems("reload")).containsExactly("'reload' is not an option (options start with --)");
		assertThat(CommandLine.problems("-reload")).hasSize(1);
		assertThat(CommandLine.problems("--")).hasSize(1);
	}

}
