package org.clustergraph.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares identity resolution with the hand-labelled answer
 * ({@code src/test/resources/labelled/identity-groups.csv}: groups of listings an analyst
 * found to be one cluster; {@code identity-distinct.csv}: look-alike pairs found to be
 * different clusters), pair by pair.
 */
final class LabelledIdentity {

	private static final Path LABELS = Path.of("src/test/resources/labelled");

	private LabelledIdentity() {
	}

	/** The same-cluster pairs of the answer, as sorted {@code document:line} pairs. */
	static Set<String> samePairs() {
		Map<String, List<String>> groups = new HashMap<>();
		for (Csv.Row row : read("identity-groups.csv", "group", "document", "line")) {
			groups.computeIfAbsent(row.get("group"), (g) -> new ArrayList<>())
				.add(row.get("document") + ":" + row.get("line"));
		}
		Set<String> pairs = new TreeSet<>();
		for (List<String> members : groups.values()) {
			for (int i = 0; i < members.size(); i++) {
				for (int j = i + 1; j < members.size(); j++) {
					pairs.add(pair(members.get(i), members.get(j)));
				}
			}
		}
		return pairs;
	}

	/**
	 * The look-alike pairs the answer keeps apart without doubt (the analyst marked the
	 * doubtful ones, which count only in precision).
	 */
	static Set<String> distinctPairs() {
		Set<String> pairs = new TreeSet<>();
		for (Csv.Row row : read("identity-distinct.csv", "document", "line", "other_document", "other_line", "note")) {
			if (row.get("note").contains("(doubtful)")) {
				continue;
			}
			pairs.add(pair(row.get("document") + ":" + row.get("line"),
					row.get("other_document") + ":" + row.get("other_line")));
		}
		return pairs;
	}

	/** The pairs of listings that share a cluster. */
	static Set<String> predictedPairs(List<ResolvedCluster> clusters) {
		Set<String> pairs = new TreeSet<>();
		for (ResolvedCluster cluster : clusters) {
			List<String> members = cluster.listings()
				.stream()
				.map((l) -> l.raw().document() + ":" + l.raw().line())
				.toList();
			for (int i = 0; i < members.size(); i++) {
				for (int j = i + 1; j < members.size(); j++) {
					pairs.add(pair(members.get(i), members.get(j)));
				}
			}
		}
		return pairs;
	}

	static String pair(String a, String b) {
		return (a.compareTo(b) < 0) ? a + "=" + b : b + "=" + a;
	}

	private static List<Csv.Row> read(String file, String... columns) {
		try {
			return Csv.read(file, Files.readAllLines(LABELS.resolve(file)), columns);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
