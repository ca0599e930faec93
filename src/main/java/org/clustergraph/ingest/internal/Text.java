package org.clustergraph.ingest.internal;

import java.text.Normalizer;

/**
 * Text normalization shared by every matcher: NFKC (full-width brackets, digits and
 * commas become their ASCII forms) and trimmed, so that the source's typography never
 * decides a match.
 */
public final class Text {

	private Text() {
	}

	/**
	 * NFKC-normalizes and trims text, also removing the full-width and no-break spaces
	 * that NFKC turns into plain ones.
	 * @param text the text as written
	 * @return the normalized text
	 */
	public static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
	}

	/**
	 * Removes the layout around a cell of a source document: whitespace and the no-break
	 * and ideographic spaces that pad some lines. The text itself is kept as written.
	 * @param text a cell as it stands in the document
	 * @return the cell without surrounding padding
	 */
	public static String unpad(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isPadding(text.charAt(start))) {
			start++;
		}
		while (end > start && isPadding(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	private static boolean isPadding(char c) {
		return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u2007' || c == '\u202F';
	}

}
