package org.clustergraph.program;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

/**
 * One published list of clusters.
 *
 * @param key the stable key
 * @param name the official name
 * @param issuer the issuing body; null where the source names none
 * @param level NATIONAL or PROVINCIAL
 * @param years the edition years
 * @param clusterCount the distinct clusters listed
 * @param validityYears how many years a designation holds, where an official source
 * states it
 * @param validitySource the document that states it
 */
public record Program(String key, String name, @Nullable String issuer, String level, List<Integer> years,
		int clusterCount, @Nullable Integer validityYears, @Nullable String validitySource) {

	/**
	 * The global id.
	 * @return {@code Program:<key>}
	 */
	public String id() {
		return "Program:" + this.key;
	}

	/**
	 * Reads a program from the map the Cypher files return.
	 * @param row the map
	 * @return the program
	 */
	public static Program of(Map<?, ?> row) {
		return new Program(Objects.requireNonNull(Rows.string(row, "key")),
				Objects.requireNonNull(Rows.string(row, "name")), Rows.string(row, "issuer"),
				Objects.requireNonNull(Rows.string(row, "level")), Rows.integers(row, "years"),
				Objects.requireNonNullElse(Rows.integer(row, "clusterCount"), 0), Rows.integer(row, "validityYears"),
				Rows.string(row, "validitySource"));
	}

}
