package org.clustergraph.ingest.internal;

import java.util.List;
import java.util.Set;

/**
 * Everything one load writes: programs, regions, industries and clusters with their
 * listings.
 *
 * @param programs the programs with the years found in their lists
 * @param regions the regions to write
 * @param otherPrefectureUnits the codes of the regions that are prefecture-level units
 * without being prefectures (北京市, 仙桃市; see {@link Gazetteer#prefectureUnit})
 * @param industries the whole classification
 * @param clusters the resolved clusters
 * @param possibleMatches pairs of clusters that may be one, for review
 * @param fingerprint the digest of every input and of what shapes the graph
 */
public record ResolvedGraph(List<ProgramInfo> programs, List<Place> regions, Set<String> otherPrefectureUnits,
		List<IndustryTree.Industry> industries, List<ResolvedCluster> clusters,
		List<IdentityResolver.PossibleMatch> possibleMatches, String fingerprint) {

	/**
	 * The listings of all clusters.
	 * @return every listing
	 */
	public List<ResolvedListing> listings() {
		return this.clusters.stream().flatMap((c) -> c.listings().stream()).toList();
	}

	/**
	 * A program as written to the graph.
	 *
	 * @param descriptor its descriptor
	 * @param years the edition years found in its list
	 */
	public record ProgramInfo(ProgramDescriptor descriptor, List<Integer> years) {
	}

}
