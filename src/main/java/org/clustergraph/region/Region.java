package org.clustergraph.region;

import java.util.Map;
import java.util.Objects;

import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

/**
 * A region of the graph.
 *
 * @param code the public code
 * @param name the official name
 * @param level PROVINCE, PREFECTURE, COUNTY, TOWNSHIP or ZONE
 * @param parentCode the code of the region it lies in; null for provinces
 */
public record Region(String code, String name, String level, @Nullable String parentCode) {

	/**
	 * The global id.
	 * @return {@code Region:<code>}
	 */
	public String id() {
		return "Region:" + this.code;
	}

	/**
	 * Reads a region from the properties of its node the statements return ({@code r
	 * {.code, .name, .level, .parent}}).
	 * @param row the map
	 * @return the region
	 */
	public static Region of(Map<?, ?> row) {
		return new Region(Objects.requireNonNull(Rows.string(row, "code")),
				Objects.requireNonNull(Rows.string(row, "name")), Objects.requireNonNull(Rows.string(row, "level")),
				Rows.string(row, "parent"));
	}

}
