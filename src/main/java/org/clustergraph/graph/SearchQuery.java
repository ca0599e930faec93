package org.clustergraph.graph;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The Lucene queries that {@code search} sends the full-text index for a text: the text
 * as a boosted phrase, which ranks names holding it as written first, together with its
 * terms, either every term required ({@link #allTerms}) or any of them
 * ({@link #anyTerm}). The index's analyzer splits Chinese text into single characters, so
 * text without spaces is many terms.
 *
 * @param allTerms the phrase or every term, or null when the text is a single term
 * @param anyTerm the phrase or any term
 */
public record SearchQuery(@Nullable String allTerms, String anyTerm) {

	private static final String LUCENE_SPECIAL = "\\+-!():^[]\"{}~*?|&/";

	/**
	 * The queries for a text, taken in NFKC, stripped and lowercased. Lucene's parser
	 * reads AND, OR and NOT in capitals as operators ("AND" alone is a syntax error); the
	 * analyzer lowercases every term anyway, so lowercase text matches the same names and
	 * is never an operator, and every other character the parser reads is escaped.
	 * @param text what the user typed
	 * @return the queries
	 */
	public static SearchQuery of(String text) {
		String lowercase = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
		String escaped = escape(lowercase);
		String phrase = "\"" + escaped + "\"^4";
		List<String> terms = terms(lowercase);
		String all = (terms.size() > 1) ? phrase + " OR (+" + String.join(" +", terms) + ")" : null;
		return new SearchQuery(all, phrase + " OR (" + escaped + ")");
	}

	/**
	 * The terms the index's analyzer makes of a text: each Han character alone, each run
	 * of other letters and digits, the rest separating them.
	 */
	static List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		text.codePoints().forEach((c) -> {
			boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
			if (Character.isLetterOrDigit(c) && !han) {
				word.appendCodePoint(c);
				return;
			}
			if (!word.isEmpty()) {
				terms.add(word.toString());
				word.setLength(0);
			}
			if (han) {
				terms.add(Character.toString(c));
			}
		});
		if (!word.isEmpty()) {
			terms.add(word.toString());
		}
		return terms;
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() * 2);
		for (char c : text.toCharArray()) {
			if (LUCENE_SPECIAL.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

}
