package org.clustergraph.ingest.internal;

import java.util.List;

/**
 * A listing with its own placement and classification, before identity resolution.
 *
 * @param raw the entry as read
 * @param places where its name and its list's context place it
 * @param industryPhrase the industry part of its name
 * @param industries what its industry phrase denotes
 * @param industryConfidence the lowest confidence of those industries (1 when a curated
 * decision set them)
 * @param decisions the place and industry decisions
 */
public record ResolvedListing(RawListing raw, List<Place> places, String industryPhrase,
		List<IndustryTree.Industry> industries, double industryConfidence, List<Decision> decisions) {

	public ResolvedListing {
		places = List.copyOf(places);
		industries = List.copyOf(industries);
		decisions = List.copyOf(decisions);
	}

	/**
	 * A listing whose industries are certain.
	 * @param raw the entry as read
	 * @param places where it is
	 * @param industryPhrase the industry part of its name
	 * @param industries what that phrase denotes
	 * @param decisions the place and industry decisions
	 */
	public ResolvedListing(RawListing raw, List<Place> places, String industryPhrase,
			List<IndustryTree.Industry> industries, List<Decision> decisions) {
		this(raw, places, industryPhrase, industries, 1.0, decisions);
	}

	/**
	 * The list (program and edition) this entry belongs to.
	 * @return the key of the list edition
	 */
	public String edition() {
		return this.raw.program() + "|" + (this.raw.year() != null ? this.raw.year() : "");
	}

}
