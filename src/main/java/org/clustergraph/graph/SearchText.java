package org.clustergraph.graph;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What search reads in a text, shared with the benchmark's hand-written floor so that
 * both send the same query and choose an index alike.
 */
public final class SearchText {

	private static final String LUCENE_SPECIAL = "\\+-!():^[]\"{}~*?|&/";

	private SearchText() {
	}

	/**
	 * The text as search reads it: in Unicode's compatibility form (full-width letters
	 * and digits become the usual ones), without surrounding white space.
	 * @param text the text searched
	 * @return the normalized text
	 */
	public static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
	}

	/**
	 * The Lucene query search sends to either index for a normalized text: the text
	 * lowercased and escaped, as a phrase boosted four times or any of its terms.
	 * Lucene's parser reads AND, OR and NOT in capitals as operators ("AND" alone is a
	 * syntax error); the analyzers lowercase every term anyway, so lowercase text matches
	 * the same names and is never an operator.
	 * @param normalized a text as {@link #normalize} gives it
	 * @return the query
	 */
	public static String luceneQuery(String normalized) {
		String escaped = escape(normalized.toLowerCase(Locale.ROOT));
		return "\"" + escaped + "\"^4 OR (" + escaped + ")";
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() * 2);
		for (char c : text.toCharArray()) {
			if (LUCENE_SPECIAL.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	/**
	 * Whether the text has two Chinese characters side by side, which the pairs' analyzer
	 * ({@code search_pairs}) reads as a pair.
	 * @param text the text searched
	 * @return whether search asks the index of pairs first
	 */
	public static boolean hasPair(String text) {
		int previous = -1;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (isHan(previous) && isHan(c)) {
				return true;
			}
			previous = c;
			i += Character.charCount(c);
		}
		return false;
	}

	private static boolean isHan(int codePoint) {
		return codePoint >= 0 && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

}
