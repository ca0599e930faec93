package org.clustergraph.api;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * Text a client gives in a filter, read the way the graph's names are stored: NFKC
 * (full-width letters and digits become ASCII) and without surrounding blanks.
 */
public final class FilterText {

	private FilterText() {
	}

	/**
	 * The filter text to match, or null when the client gave none.
	 * @param text the argument as given
	 * @return the normalized text; null when absent or blank, so the filter does not
	 * apply
	 */
	public static @Nullable String normalized(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
	}

}
