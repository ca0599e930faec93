package org.clustergraph.cluster;

/**
 * A cluster that may be the same real-world cluster as another: a pair of their listings
 * scored high enough to be worth an analyst's look but did not merge.
 *
 * @param cluster the other cluster
 * @param score the pair's score, 0 to 1
 * @param evidence the rule and evidence of the pair
 */
public record PossibleMatch(Cluster cluster, double score, String evidence) {
}
