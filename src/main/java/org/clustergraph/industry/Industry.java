package org.clustergraph.industry;

import java.util.Map;
import java.util.Objects;

import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

/**
 * An industry of GB/T 4754-2017.
 *
 * @param code the public code
 * @param name the official name
 * @param level SECTION, DIVISION, GROUP or CLASS
 * @param parentCode the code of the industry it belongs to; null for sections
 */
public record Industry(String code, String name, String level, @Nullable String parentCode) {

	/**
	 * The global id.
	 * @return {@code Industry:<code>}
	 */
	public String id() {
		return "Industry:" + this.code;
	}

	/**
	 * Reads an industry from the properties of its node the statements return ({@code i
	 * {.code, .name, .level, .parent}}).
	 * @param row the map
	 * @return the industry
	 */
	public static Industry of(Map<?, ?> row) {
		return new Industry(Objects.requireNonNull(Rows.string(row, "code")),
				Objects.requireNonNull(Rows.string(row, "name")), Objects.requireNonNull(Rows.string(row, "level")),
				Rows.string(row, "parent"));
	}

}
