package org.clustergraph.ingest;

/**
 * What the last successful load recorded about the graph it wrote.
 *
 * @param loadedAt when it finished, as an ISO-8601 instant; empty before the first load
 * @param fingerprint the digest of the inputs that produced the graph; empty before the
 * first load
 * @param listingCount the LISTED_IN relationships in the graph
 * @param clusterCount the clusters in the graph
 */
public record Dataset(String loadedAt, String fingerprint, int listingCount, int clusterCount) {

	static final Dataset EMPTY = new Dataset("", "", 0, 0);

}
