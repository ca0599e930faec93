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
	 */
	public static @Nullable String normalized(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		return normalized.isEmpty() ? null : normalized;
	}

}
