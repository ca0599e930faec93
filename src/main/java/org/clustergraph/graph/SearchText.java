package org.clustergraph.graph;

/**
 * What search reads in a text, shared with the benchmark's hand-written floor so that
 * both choose an index alike.
 */
public final class SearchText {

	private SearchText() {
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
