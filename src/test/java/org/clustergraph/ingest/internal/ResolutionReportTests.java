package org.clustergraph.ingest.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The resolution report of the seed lists: its possible-match lines, written as they are
 * read, and the report written a line at a time.
 */
class ResolutionReportTests {

	private static final ResolutionPipeline.Outcome OUTCOME = new ResolutionPipeline(
			DirectorySeedFiles.of(Path.of("seeds")), "test")
		.run();

	@Test
	void givesEveryPossibleMatchALineWithBothClustersNamesHighestScoreFirst() {
		ResolvedGraph graph = OUTCOME.graph();
		List<String> lines = OUTCOME.report().possibleMatches();
		assertThat(lines).hasSize(graph.possibleMatches().size()).hasSizeGreaterThan(10);
		IdentityResolver.PossibleMatch best = graph.possibleMatches()
			.stream()
			.max(java.util.Comparator.comparingDouble(IdentityResolver.PossibleMatch::score))
			.orElseThrow();
		assertThat(lines.get(0)).startsWith(String.format(Locale.ROOT, "%.2f Cluster:", best.score()));
		for (String line : lines) {
			String[] parts = line.split(" ");
			String from = parts[1].substring("Cluster:".length());
			ResolvedCluster cluster = graph.clusters()
				.stream()
				.filter((c) -> c.key().equals(from))
				.findFirst()
				.orElseThrow();
			assertThat(line).as(line).contains("Cluster:" + from + " " + cluster.name() + " <-> Cluster:");
		}
		List<Double> scores = lines.stream().map((l) -> Double.parseDouble(l.substring(0, l.indexOf(' ')))).toList();
		assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void writesTheSameTextItRenders() throws IOException {
		StringWriter written = new StringWriter();
		OUTCOME.report().writeTo(written);
		assertThat(written.toString()).isEqualTo(OUTCOME.report().render())
			.contains("Review first: possible matches (" + OUTCOME.graph().possibleMatches().size() + ";")
			.contains(OUTCOME.report().possibleMatches().get(0));
	}

	@Test
	void reportsAWriterThatFails() {
		Writer failing = new Writer() {

			@Override
			public void write(char[] buffer, int offset, int length) throws IOException {
				throw new IOException("disk full");
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		assertThatThrownBy(() -> OUTCOME.report().writeTo(failing)).isInstanceOf(IOException.class)
			.hasMessage("disk full");
	}

}
