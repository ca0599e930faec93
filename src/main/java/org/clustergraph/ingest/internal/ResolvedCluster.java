package org.clustergraph.ingest.internal;

import java.util.List;
import java.util.Map;

/**
 * One real-world cluster: its listings and where and what it is.
 *
 * @param key the stable key (the {@code <key>} of {@code Cluster:<key>})
 * @param name the canonical name: the most complete official wording among its listings
 * @param industryPhrase the industry part of that name
 * @param listings its listings
 * @param regions the deepest consistent regions of its listings
 * @param industries the most specific industries of its listings
 * @param identity for each listing, the identity decisions that put it here
 */
public record ResolvedCluster(String key, String name, String industryPhrase, List<ResolvedListing> listings,
		List<Place> regions, List<IndustryTree.Industry> industries, Map<ResolvedListing, List<Decision>> identity) {

	public ResolvedCluster {
		listings = List.copyOf(listings);
		regions = List.copyOf(regions);
		industries = List.copyOf(industries);
	}

}
