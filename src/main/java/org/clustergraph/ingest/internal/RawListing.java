package org.clustergraph.ingest.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One entry as read from a list, before any resolution.
 *
 * @param program the program's key
 * @param year the edition year; null for lists without editions
 * @param rank the serial number as published (within the edition)
 * @param nameAsListed the name exactly as written, surrounding whitespace removed
 * @param document the seed document's file name
 * @param line the 1-based line holding the name
 * @param context the place context the list gives the entry (province, then prefecture),
 * as written
 * @param url the published notice's address, where the document gives one
 */
public record RawListing(String program, @Nullable Integer year, int rank, String nameAsListed, String document,
		int line, List<String> context, @Nullable String url) {

	public RawListing {
		context = List.copyOf(context);
	}

	/**
	 * A key that names this entry independently of the input's order: program, edition
	 * and name.
	 * @return the key
	 */
	public String identityKey() {
		return this.program + "|" + (this.year != null ? this.year : "") + "|" + Text.normalize(this.nameAsListed);
	}

}
