package org.clustergraph.api;

import java.util.Map;

import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

/**
 * The version of the graph served: the fingerprint and load time of its Dataset, which
 * every load writes anew, by this process or another. Answers kept between requests are
 * kept under it.
 */
public final class GraphVersion {

	private GraphVersion() {
	}

	/**
	 * Reads the version of the graph served now ({@code dataset-version}).
	 * @param reads the reads, in the caller's transaction when it has one
	 * @return the version; null before the first load
	 */
	public static @Nullable String read(Reads reads) {
		return reads.one("api/dataset-version", Map.of()).map((row) -> Rows.string(row, "version")).orElse(null);
	}

}
