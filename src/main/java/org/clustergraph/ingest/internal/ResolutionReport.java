package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load resolved and how: counts per program, per region level and per industry
 * level, merges, and every listing that was unresolved, ambiguous, or placed or merged by
 * a curated row.
 *
 * @param listingsPerProgram listings per program key
 * @param listingsPerRegionLevel listings by the level of their deepest placement ("NONE"
 * when unplaced)
 * @param listingsPerIndustryLevel listings by the level of their most specific industry
 * ("NONE" when unclassified)
 * @param clusters the number of clusters
 * @param mergedClusters clusters with more than one listing
 * @param attention every listing a reviewer should look at, with the reason
 */
public record ResolutionReport(Map<String, Integer> listingsPerProgram, Map<String, Integer> listingsPerRegionLevel,
		Map<String, Integer> listingsPerIndustryLevel, int clusters, int mergedClusters, List<String> attention) {

	private static final List<String> INDUSTRY_LEVELS = List.of("SECTION", "DIVISION", "GROUP", "CLASS");

	static ResolutionReport of(ResolvedGraph graph, Gazetteer gazetteer) {
		Map<String, Integer> perProgram = new TreeMap<>();
		Map<String, Integer> perRegionLevel = new TreeMap<>();
		Map<String, Integer> perIndustryLevel = new TreeMap<>();
		List<String> attention = new ArrayList<>();
		int merged = 0;
		for (ResolvedCluster cluster : graph.clusters()) {
			if (cluster.listings().size() > 1) {
				merged++;
			}
			for (ResolvedListing listing : cluster.listings()) {
				RawListing raw = listing.raw();
				perProgram.merge(raw.program(), 1, Integer::sum);
				String regionLevel = listing.places()
					.stream()
					.map((p) -> p.level())
					.max(Enum::compareTo)
					.map(Enum::name)
					.orElse("NONE");
				perRegionLevel.merge(regionLevel, 1, Integer::sum);
				String industryLevel = listing.industries()
					.stream()
					.map(IndustryTree.Industry::level)
					.max((a, b) -> Integer.compare(INDUSTRY_LEVELS.indexOf(a), INDUSTRY_LEVELS.indexOf(b)))
					.orElse("NONE");
				perIndustryLevel.merge(industryLevel, 1, Integer::sum);
				String where = raw.document() + ":" + raw.line() + " " + raw.nameAsListed();
				List<Decision> decisions = new ArrayList<>(listing.decisions());
				decisions.addAll(cluster.identity().getOrDefault(listing, List.of()));
				for (Decision decision : decisions) {
					if (decision.rule().startsWith("alias:") || decision.rule().startsWith("override:")
							|| List.of("unresolved", "ambiguous", "unclassified", "list-context")
								.contains(decision.rule())) {
						attention
							.add(where + " | " + decision.aspect() + " " + decision.rule() + " | " + decision.detail());
					}
				}
			}
		}
		return new ResolutionReport(perProgram, perRegionLevel, perIndustryLevel, graph.clusters().size(), merged,
				List.copyOf(attention));
	}

	/**
	 * The listings in all programs.
	 * @return the total
	 */
	public int listings() {
		return this.listingsPerProgram.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * The report as text for the log and the report file.
	 * @return the report
	 */
	public String render() {
		StringBuilder out = new StringBuilder();
		out.append("Resolution report\n=================\n");
		out.append("listings: ")
			.append(listings())
			.append(", clusters: ")
			.append(this.clusters)
			.append(", clusters with several listings: ")
			.append(this.mergedClusters)
			.append('\n');
		out.append("listings per program: ").append(this.listingsPerProgram).append('\n');
		out.append("listings per deepest region level: ").append(this.listingsPerRegionLevel).append('\n');
		out.append("listings per most specific industry level: ").append(this.listingsPerIndustryLevel).append('\n');
		out.append("\nListings to review (").append(this.attention.size()).append(" decisions):\n");
		this.attention.forEach((line) -> out.append("- ").append(line).append('\n'));
		return out.toString();
	}

}
