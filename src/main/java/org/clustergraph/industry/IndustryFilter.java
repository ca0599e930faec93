package org.clustergraph.industry;

import org.clustergraph.api.TreeFilter;
import org.jspecify.annotations.Nullable;

/**
 * The {@code IndustryFilter} input: every given field must hold.
 *
 * @param level the level, such as CLASS
 * @param nameContains text the official name contains
 * @param hasClusters whether at least one cluster belongs to the industry or its
 * descendants
 */
record IndustryFilter(@Nullable String level, @Nullable String nameContains,
		@Nullable Boolean hasClusters) implements TreeFilter {

}
