package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies an industry phrase by the curated keyword table: keywords are tried longest
 * first, each match consumes its characters, the cluster gets the codes of every match,
 * and a code is dropped when a more specific selected code lies under it.
 */
public final class IndustryClassifier {

	private final IndustryTree tree;

	private final List<Keyword> keywords;

	/**
	 * Creates a classifier.
	 * @param tree the classification
	 * @param rows the rows of {@code industry-keywords.csv}
	 * @throws SourceException when a keyword names an unknown code or appears twice
	 */
	public IndustryClassifier(IndustryTree tree, List<Csv.Row> rows) {
		this.tree = tree;
		List<Keyword> keywords = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Csv.Row row : rows) {
			String word = Text.normalize(row.get("keyword"));
			if (word.isEmpty() || !seen.add(word)) {
				throw new SourceException(row.problem("keyword '" + word + "' is empty or appears twice"));
			}
			List<IndustryTree.Industry> codes = new ArrayList<>();
			for (String code : row.get("codes").split(";")) {
				IndustryTree.Industry industry = tree.find(code.strip());
				if (industry == null) {
					throw new SourceException(
							row.problem("keyword '" + word + "' names unknown code '" + code.strip() + "'"));
				}
				codes.add(industry);
			}
			keywords.add(new Keyword(word, List.copyOf(codes), row.get("reason"), row.line()));
		}
		keywords.sort(Comparator.comparingInt((Keyword k) -> -k.word().length()).thenComparing(Keyword::word));
		this.keywords = List.copyOf(keywords);
	}

	/**
	 * Classifies a phrase.
	 * @param phrase the industry phrase (place words and suffix removed)
	 * @return the most specific industries and the decisions behind them
	 */
	public Classification classify(String phrase) {
		String text = Text.normalize(phrase);
		boolean[] used = new boolean[text.length()];
		List<IndustryTree.Industry> selected = new ArrayList<>();
		List<Decision> decisions = new ArrayList<>();
		for (Keyword keyword : this.keywords) {
			int at = text.indexOf(keyword.word());
			while (at >= 0) {
				if (free(used, at, keyword.word().length())) {
					for (int i = at; i < at + keyword.word().length(); i++) {
						used[i] = true;
					}
					keyword.codes().stream().filter((c) -> !selected.contains(c)).forEach(selected::add);
					decisions.add(Decision.industry("keyword",
							"'" + keyword.word() + "' -> "
									+ keyword.codes().stream().map((c) -> c.code() + " " + c.name()).toList()
									+ " (industry-keywords.csv:" + keyword.line() + ": " + keyword.reason() + ")"));
				}
				at = text.indexOf(keyword.word(), at + 1);
			}
		}
		List<IndustryTree.Industry> deepest = selected.stream()
			.filter((c) -> selected.stream().noneMatch((other) -> this.tree.isUnder(other, c)))
			.sorted(Comparator.comparing(IndustryTree.Industry::code))
			.toList();
		if (deepest.size() < selected.size()) {
			decisions.add(Decision.industry("most-specific",
					"dropped codes with a more specific selected code under them; kept "
							+ deepest.stream().map(IndustryTree.Industry::code).toList()));
		}
		if (deepest.isEmpty()) {
			decisions
				.add(Decision.industry("unclassified", "no keyword of industry-keywords.csv occurs in '" + text + "'"));
		}
		return new Classification(deepest, List.copyOf(decisions));
	}

	private static boolean free(boolean[] used, int from, int length) {
		for (int i = from; i < from + length; i++) {
			if (used[i]) {
				return false;
			}
		}
		return true;
	}

	private record Keyword(String word, List<IndustryTree.Industry> codes, String reason, int line) {
	}

	/**
	 * The industries a phrase denotes.
	 *
	 * @param industries the most specific industries; empty when unclassified
	 * @param decisions which keywords matched
	 */
	public record Classification(List<IndustryTree.Industry> industries, List<Decision> decisions) {
	}

}
