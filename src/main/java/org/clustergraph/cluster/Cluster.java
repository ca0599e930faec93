package org.clustergraph.cluster;

import java.util.Map;
import java.util.Objects;

import org.clustergraph.neo4j.Rows;

/**
 * A real-world cluster.
 *
 * @param key the stable key
 * @param name the canonical name
 * @param industryPhrase the industry part of that name
 */
public record Cluster(String key, String name, String industryPhrase) {

	/**
	 * The global id.
	 * @return {@code Cluster:<key>}
	 */
	public String id() {
		return "Cluster:" + this.key;
	}

	/**
	 * Reads a cluster from the map the Cypher files return ({@code c {.key, .name,
	 * .industryPhrase}}).
	 * @param row the map
	 * @return the cluster
	 */
	public static Cluster of(Map<?, ?> row) {
		return new Cluster(Objects.requireNonNull(Rows.string(row, "key")),
				Objects.requireNonNull(Rows.string(row, "name")),
				Objects.requireNonNullElse(Rows.string(row, "industryPhrase"), ""));
	}

}
