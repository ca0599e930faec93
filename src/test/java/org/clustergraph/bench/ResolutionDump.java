package org.clustergraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.clustergraph.ingest.internal.Decision;
import org.clustergraph.ingest.internal.DirectorySeedFiles;
import org.clustergraph.ingest.internal.IdentityResolver;
import org.clustergraph.ingest.internal.IndustryClassifier;
import org.clustergraph.ingest.internal.IndustryTree;
import org.clustergraph.ingest.internal.Place;
import org.clustergraph.ingest.internal.ResolutionPipeline;
import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedGraph;
import org.clustergraph.ingest.internal.ResolvedListing;

/**
 * Writes everything {@code ResolutionPipeline.run()} returns for a seeds directory as
 * text, one fact a line, and prints its SHA-256: every cluster with its listings, their
 * places, industries, evidence and decisions, the possible matches, the programs and
 * regions, and the rendered report. Two runs of different code over one directory give
 * the same digest exactly when they resolve it alike, so a change meant to alter only how
 * the resolution is computed or stored can be checked on the seed lists and on generated
 * ones.
 * <p>
 * Usage: {@code ResolutionDump DIR [OUT]}, DIR a seeds directory ({@code seeds} or one
 * that {@code bench/generate.sh} wrote), OUT the text file to write (only the digest is
 * printed when it is left out).
 */
public final class ResolutionDump {

	private ResolutionDump() {
	}

	/**
	 * Dumps one directory.
	 * @param args the directory and, optionally, the output file
	 * @throws IOException when the output cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length < 1 || args.length > 2) {
			System.err.println("Usage: ResolutionDump DIR [OUT]");
			System.exit(2);
		}
		ResolutionPipeline.Outcome outcome = new ResolutionPipeline(DirectorySeedFiles.of(Path.of(args[0])), "dump")
			.run();
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		OutputStream sink = (args.length == 2) ? Files.newOutputStream(Path.of(args[1]))
				: OutputStream.nullOutputStream();
		try (Writer out = new BufferedWriter(
				new OutputStreamWriter(new DigestOutputStream(sink, digest), StandardCharsets.UTF_8), 1 << 16)) {
			dump(outcome, out);
		}
		System.out.println(HexFormat.of().formatHex(digest.digest()) + "  " + args[0]);
	}

	private static void dump(ResolutionPipeline.Outcome outcome, Writer out) {
		ResolvedGraph graph = outcome.graph();
		line(out, "fingerprint " + graph.fingerprint());
		for (ResolvedGraph.ProgramInfo program : graph.programs()) {
			line(out, "program " + program.descriptor().key() + " " + program.years());
		}
		for (Place region : graph.regions()) {
			line(out, "region " + region);
		}
		line(out, "other prefecture units " + graph.otherPrefectureUnits().stream().sorted().toList());
		line(out, "industries " + graph.industries().size());
		for (ResolvedCluster cluster : graph.clusters()) {
			line(out, "cluster " + cluster.key() + " | " + cluster.name() + " | " + cluster.industryPhrase() + " | "
					+ codes(cluster.regions()) + " | " + industries(cluster.industries()));
			for (ResolvedListing listing : cluster.listings()) {
				line(out,
						"  listing " + listing.raw() + " | " + listing.raw().identityKey() + " | " + listing.edition());
				line(out, "    places " + codes(listing.places()) + " | phrase " + listing.industryPhrase()
						+ " | confidence " + listing.industryConfidence() + " | " + industries(listing.industries()));
				for (IndustryClassifier.Assignment assignment : listing.assignments()) {
					line(out, "    assignment " + assignment.industry().code() + " " + assignment.confidence() + " "
							+ assignment.rule() + " " + assignment.evidence());
				}
				decisions(out, "    decision ", listing.decisions());
				decisions(out, "    identity ", cluster.identity().get(listing));
			}
		}
		for (IdentityResolver.PossibleMatch match : graph.possibleMatches()) {
			line(out, "possible " + match.from() + " " + match.to() + " " + match.score() + " " + match.evidence());
		}
		try {
			outcome.report().writeTo(out);
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void decisions(Writer out, String prefix, List<Decision> decisions) {
		if (decisions == null) {
			line(out, prefix + "none");
			return;
		}
		for (Decision decision : decisions) {
			line(out, prefix + decision.aspect() + " " + decision.rule() + " " + decision.detail());
		}
	}

	private static String codes(List<Place> places) {
		return places.stream().map(Place::code).collect(Collectors.joining(","));
	}

	private static String industries(List<IndustryTree.Industry> industries) {
		return industries.stream().map(IndustryTree.Industry::code).collect(Collectors.joining(","));
	}

	private static void line(Writer out, String text) {
		try {
			out.write(text);
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
