package org.clustergraph.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.clustergraph.api.BadRequestException;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clusters a {@code ClusterFilter} selects, for callers outside the GraphQL API (the
 * subgraph downloads): the same statement and checks as {@code clusters(filter)}.
 */
@Component
@Transactional(readOnly = true)
public class ClusterSelection {

	private static final List<String> LEVELS = List.of("PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP", "ZONE");

	private final Reads reads;

	ClusterSelection(Reads reads) {
		this.reads = reads;
	}

	/**
	 * The keys of the first clusters, by key, that match every given filter.
	 * @param filter the filter's fields by name ({@code region}, {@code regionLevel},
	 * {@code industry}, {@code program}, {@code year}, {@code recognizedIn},
	 * {@code nameContains}); absent or blank ones do not filter
	 * @param limit how many keys at most
	 * @return the keys, and whether more clusters matched
	 * @throws BadRequestException when a year is not a whole number
	 * @throws org.clustergraph.api.NotFoundException when a region, industry or program
	 * the filter names does not exist
	 */
	public Selected keys(Map<String, @Nullable String> filter, int limit) {
		ClusterFilter cluster = new ClusterFilter(filter.get("region"), level(filter.get("regionLevel")),
				filter.get("industry"), filter.get("program"), year(filter, "year"), year(filter, "recognizedIn"),
				filter.get("nameContains"));
		Map<String, @Nullable Object> parameters = cluster.parameters();
		parameters.put("after", "");
		parameters.put("limit", limit + 1);
		parameters.put("links", false);
		parameters.put("probe", ClusterFilter.NAME_PROBE);
		List<String> keys = this.reads.all(cluster.statements() + "-page", parameters)
			.stream()
			.map((row) -> Objects.requireNonNull(Rows.string(Rows.map(row, "cluster"), "key")))
			.toList();
		if (keys.isEmpty()) {
			// as clusters(filter) does: a filter naming what the graph does not hold
			// matches nothing, so say which
			cluster.checkTargets(this.reads);
		}
		return new Selected(keys.subList(0, Math.min(limit, keys.size())), keys.size() > limit);
	}

	private static @Nullable String level(@Nullable String level) {
		if (level == null || level.isBlank()) {
			return null;
		}
		if (!LEVELS.contains(level.strip())) {
			throw new BadRequestException("regionLevel must be one of " + LEVELS + " (it was '" + level + "')");
		}
		return level.strip();
	}

	private static @Nullable Integer year(Map<String, @Nullable String> filter, String name) {
		String value = filter.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(name + " must be a whole number (it was '" + value + "')");
		}
	}

	/**
	 * Selected clusters.
	 *
	 * @param keys their keys, by key
	 * @param more whether more clusters matched than were taken
	 */
	public record Selected(List<String> keys, boolean more) {
	}

}
