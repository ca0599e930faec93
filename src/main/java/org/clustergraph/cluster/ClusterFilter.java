package org.clustergraph.cluster;

import java.util.HashMap;
import java.util.Map;

import org.clustergraph.api.FilterText;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ClusterFilter} input: every given field must hold.
 *
 * @param region a region code; clusters located in it or its descendants
 * @param industry an industry code; clusters belonging to it or its descendants
 * @param program a program key
 * @param year an edition year; with {@code program}, of that program
 * @param nameContains text that the canonical name or a name as listed contains
 */
record ClusterFilter(@Nullable String region, @Nullable String industry, @Nullable String program,
		@Nullable Integer year, @Nullable String nameContains) {

	static final Map<String, @Nullable Object> NONE = new ClusterFilter(null, null, null, null, null).parameters();

	Map<String, @Nullable Object> parameters() {
		Map<String, @Nullable Object> parameters = new HashMap<>();
		parameters.put("region", blankToNull(this.region));
		parameters.put("industry", blankToNull(this.industry));
		parameters.put("program", blankToNull(this.program));
		parameters.put("year", this.year);
		parameters.put("nameContains", FilterText.normalized(this.nameContains));
		return parameters;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
