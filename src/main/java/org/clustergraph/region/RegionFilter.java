package org.clustergraph.region;

import org.clustergraph.api.TreeFilter;
import org.jspecify.annotations.Nullable;

/**
 * The {@code RegionFilter} input: every given field must hold.
 *
 * @param level the level, such as PROVINCE
 * @param nameContains text the official name contains
 * @param hasClusters whether at least one cluster is located in the region or its
 * descendants
 */
record RegionFilter(@Nullable String level, @Nullable String nameContains,
		@Nullable Boolean hasClusters) implements TreeFilter {

}
