package org.clustergraph.ingest.internal;

import java.util.List;

/**
 * A listing with its own placement and classification, before identity resolution.
 *
 * @param raw the entry as read
 * @param places where its name and its list's context place it
 * @param industryPhrase the industry part of its name
 * @param assignments what its industry phrase denotes: the most specific industries, each
 * with its confidence and evidence
 * @param decisions the place and industry decisions
 */
public record ResolvedListing(RawListing raw, List<Place> places, String industryPhrase,
		List<IndustryClassifier.Assignment> assignments, List<Decision> decisions) {

	public ResolvedListing {
		places = List.copyOf(places);
		assignments = List.copyOf(assignments);
		decisions = List.copyOf(decisions);
	}

	/**
	 * The industries, without their evidence.
	 * @return the most specific industries
	 */
	public List<IndustryTree.Industry> industries() {
		return this.assignments.stream().map(IndustryClassifier.Assignment::industry).toList();
	}

	/**
	 * How far the classification can be trusted: its least confident industry.
	 * @return 0 to 1; 0 when unclassified
	 */
	public double industryConfidence() {
		return this.assignments.stream().mapToDouble(IndustryClassifier.Assignment::confidence).min().orElse(0);
	}

	/**
	 * The list (program and edition) this entry belongs to.
	 * @return the key of the list edition
	 */
	public String edition() {
		return this.raw.program() + "|" + (this.raw.year() != null ? this.raw.year() : "");
	}

}
