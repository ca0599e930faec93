package org.clustergraph.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.clustergraph.ingest.internal.IndustryTree;
import org.clustergraph.ingest.internal.Place;
import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedGraph;
import org.jspecify.annotations.Nullable;

/**
 * What the load writes on each cluster for filters and facets (load/stage-clusters): the
 * codes of every region it lies in (its regions and all above them) and of every industry
 * it belongs to (its industries and all above them), and the levels of its regions, each
 * sorted. Walked in the trees the load writes, with a region's or an industry's parent
 * only where the graph holds it (as link-regions and link-industries link them), so that
 * the lists are what walking the graph's LOCATED_IN and BELONGS_TO would give;
 * GraphLoadTests checks them against those walks.
 */
final class TreeCodes {

	private final Map<String, String> regionParents = new HashMap<>();

	private final Map<String, String> industryParents = new HashMap<>();

	TreeCodes(ResolvedGraph graph) {
		for (Place region : graph.regions()) {
			if (region.parentCode() != null) {
				this.regionParents.put(region.code(), region.parentCode());
			}
		}
		for (IndustryTree.Industry industry : graph.industries()) {
			if (industry.parentCode() != null) {
				this.industryParents.put(industry.code(), industry.parentCode());
			}
		}
		retainKnownParents(this.regionParents, graph.regions().stream().map(Place::code).toList());
		retainKnownParents(this.industryParents, graph.industries().stream().map(IndustryTree.Industry::code).toList());
	}

	/**
	 * The codes of the cluster's regions and of all regions above them.
	 * @param cluster the cluster
	 * @return the codes, sorted
	 */
	List<String> inRegions(ResolvedCluster cluster) {
		return upwards(cluster.regions(), Place::code, this.regionParents);
	}

	/**
	 * The codes of the cluster's industries and of all industries above them.
	 * @param cluster the cluster
	 * @return the codes, sorted
	 */
	List<String> inIndustries(ResolvedCluster cluster) {
		return upwards(cluster.industries(), IndustryTree.Industry::code, this.industryParents);
	}

	/**
	 * The levels of the cluster's regions.
	 * @param cluster the cluster
	 * @return the level names, sorted
	 */
	static List<String> regionLevels(ResolvedCluster cluster) {
		return List.copyOf(new TreeSet<>(cluster.regions().stream().map((r) -> r.level().name()).toList()));
	}

	private static <T> List<String> upwards(Collection<T> members, Function<T, String> code,
			Map<String, String> parents) {
		TreeSet<String> codes = new TreeSet<>();
		for (T member : members) {
			@Nullable String at = code.apply(member);
			while (at != null && codes.add(at)) {
				at = parents.get(at);
			}
		}
		return List.copyOf(codes);
	}

	/** A parent the graph does not hold gets no link, so the walk stops below it. */
	private static void retainKnownParents(Map<String, String> parents, List<String> codes) {
		parents.values().retainAll(new HashSet<>(codes));
	}

}
