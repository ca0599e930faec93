package org.clustergraph.cluster;

import java.util.HashMap;
import java.util.Map;

import org.clustergraph.api.FilterText;
import org.clustergraph.api.NotFoundException;
import org.clustergraph.neo4j.Reads;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ClusterFilter} input: every given field must hold.
 *
 * @param region a region code; clusters located in it or its descendants
 * @param regionLevel a region level; clusters located in a region of it
 * @param industry an industry code; clusters belonging to it or its descendants
 * @param program a program key
 * @param year an edition year; with {@code program}, of that program
 * @param recognizedIn a year; clusters with a listing that holds in it (from its edition
 * year through its last valid year)
 * @param nameContains text that the canonical name or a name as listed contains
 */
record ClusterFilter(@Nullable String region, @Nullable String regionLevel, @Nullable String industry,
		@Nullable String program, @Nullable Integer year, @Nullable Integer recognizedIn,
		@Nullable String nameContains) {

	/**
	 * How many clusters holding a name's text make it common, the {@code probe} that
	 * {@code api/clusters-named-page} takes beside {@link #parameters()}: fewer are read
	 * from the text index of their names and sorted, more paged through in key order.
	 */
	static final int NAME_PROBE = 1000;

	static final Map<String, @Nullable Object> NONE = new ClusterFilter(null, null, null, null, null, null, null)
		.parameters();

	Map<String, @Nullable Object> parameters() {
		Map<String, @Nullable Object> parameters = new HashMap<>();
		parameters.put("region", blankToNull(this.region));
		parameters.put("regionLevel", this.regionLevel);
		parameters.put("industry", blankToNull(this.industry));
		parameters.put("program", blankToNull(this.program));
		parameters.put("year", this.year);
		parameters.put("recognizedIn", this.recognizedIn);
		parameters.put("nameContains", FilterText.normalized(this.nameContains));
		return parameters;
	}

	/**
	 * The statements that page through the clusters this filter matches, by their common
	 * name ({@code -page} and {@code -count}); all take {@link #parameters()}. A filter
	 * that names a region reads that region's clusters from the indexes of its subtree
	 * and checks the other filters on them ({@code api/clusters-in-region}); one that
	 * names an industry and no region does the same with the industry's subtree
	 * ({@code api/clusters-in-industry}); one that names a program and neither reads the
	 * program's listings in the order of their clusters' keys
	 * ({@code api/clusters-in-program}); one that names a year and none of those reads
	 * the year's listings in the same order ({@code api/clusters-in-year}); one that
	 * names a text and none of those finds the clusters that hold it in the text index of
	 * their names when they are few, and reads them in key order when they are not
	 * ({@code api/clusters-named}). A region, an industry or a program alone (a program
	 * with a year too) takes its total from the count the load recorded on it. Any other
	 * filter reads the clusters in key order until a page matches and counts by reading
	 * them all ({@code api/clusters}), but for a level alone and a year of recognition
	 * alone, whose counts the load recorded on the dataset, and for a year of recognition
	 * in which the load counted no cluster, which matches nothing whatever else is asked.
	 * The filters' predicates are written out in each of these statements: a filter field
	 * added here goes into all twelve, and into {@code api/cluster-facets}, which selects
	 * its clusters the same six ways.
	 * @return the statements' name under {@code cypher/}
	 */
	String statements() {
		Map<String, @Nullable Object> parameters = parameters();
		if (parameters.get("region") != null) {
			return "api/clusters-in-region";
		}
		if (parameters.get("industry") != null) {
			return "api/clusters-in-industry";
		}
		if (parameters.get("program") != null) {
			return "api/clusters-in-program";
		}
		if (parameters.get("year") != null) {
			return "api/clusters-in-year";
		}
		if (parameters.get("nameContains") != null) {
			return "api/clusters-named";
		}
		return "api/clusters";
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * Refuses a filter that names a region, industry or program the graph does not hold,
	 * so that a typo is an error rather than an empty answer.
	 * @param neo4j the client to look them up with
	 * @throws NotFoundException naming the field and what it should hold
	 */
	void checkTargets(Reads reads) {
		if (this.region == null && this.industry == null && this.program == null) {
			return;
		}
		Map<String, Object> found = reads.one("api/filter-targets", parameters()).orElseThrow();
		if (!Boolean.TRUE.equals(found.get("region"))) {
			throw new NotFoundException("filter.region: no region has the code '" + this.region
					+ "' (6-digit GB/T 2260 codes such as 330000, 9-digit township codes, or zone codes)");
		}
		if (!Boolean.TRUE.equals(found.get("industry"))) {
			throw new NotFoundException("filter.industry: no GB/T 4754-2017 industry has the code '" + this.industry
					+ "' (such as C, 34, 342 or 3422)");
		}
		if (!Boolean.TRUE.equals(found.get("program"))) {
			throw new NotFoundException(
					"filter.program: no program has the key '" + this.program + "' (see the programs query)");
		}
	}

}
