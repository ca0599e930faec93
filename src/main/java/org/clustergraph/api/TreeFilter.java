package org.clustergraph.api;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The filter both trees take ({@code RegionFilter}, {@code IndustryFilter}): a level,
 * text the name contains, and whether the node or its descendants have clusters.
 */
public interface TreeFilter {

	/**
	 * The level asked for.
	 * @return the level; null when not given
	 */
	@Nullable String level();

	/**
	 * Text the name contains.
	 * @return the text; null when not given
	 */
	@Nullable String nameContains();

	/**
	 * Whether the node or its descendants must have clusters (or must not).
	 * @return the wish; null when not given
	 */
	@Nullable Boolean hasClusters();

	/**
	 * The parameters of the tree's page and count statements.
	 * @param filter the filter; null when none was given
	 * @return {@code level}, {@code nameContains} (normalized) and {@code hasClusters},
	 * each null when not given
	 */
	static Map<String, @Nullable Object> parameters(@Nullable TreeFilter filter) {
		Map<String, @Nullable Object> parameters = new HashMap<>();
		parameters.put("level", (filter != null) ? filter.level() : null);
		parameters.put("nameContains", (filter != null) ? FilterText.normalized(filter.nameContains()) : null);
		parameters.put("hasClusters", (filter != null) ? filter.hasClusters() : null);
		return parameters;
	}

}
