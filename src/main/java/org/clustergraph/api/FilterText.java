package org.clustergraph.api;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * Text a client gives in a name filter, in NFKC (full-width brackets, letters and digits
 * become ASCII) and without surrounding blanks. The statements compare it with the NFKC
 * form of the names, which are stored as published.
 */
public final class FilterText {

	private FilterText() {
	}

	/**
	 * The filter text to match, or null when the client gave none.
	 * @param text the argument as given
	 * @return the normalized text; null when absent or blank (no-break and ideographic
	 * spaces included), so the filter does not apply
	 * @throws BadRequestException when the text holds half of a surrogate pair
	 */
	public static @Nullable String normalized(@Nullable String text) {
		if (text == null) {
			return null;
		}
		requireWellFormed("nameContains", text);
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		return normalized.isEmpty() ? null : normalized;
	}

	/**
	 * Refuses text that is not well-formed UTF-16: half of a surrogate pair is no
	 * character, and the full-text index would match it against anything.
	 * @param argument the argument's name, for the message
	 * @param text the text as given
	 * @throws BadRequestException when the text holds a lone surrogate
	 */
	public static void requireWellFormed(String argument, String text) {
		int index = loneSurrogate(text);
		if (index >= 0) {
			throw new BadRequestException(
					argument + " holds half of a surrogate pair (\\u" + Integer.toHexString(text.charAt(index))
							+ " at position " + index + "), which is no character: send text as well-formed UTF-16");
		}
	}

	/**
	 * The position of the first half of a surrogate pair that has no other half.
	 * @param text any text
	 * @return its index, or -1 when the text is well formed
	 */
	private static int loneSurrogate(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

}
