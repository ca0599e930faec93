package org.clustergraph.program;

import java.util.Map;
import java.util.Objects;

import org.clustergraph.neo4j.Rows;

/**
 * One year's list of a program.
 *
 * @param year the edition's year
 * @param listingCount its entries
 * @param clusterCount the distinct clusters it lists
 * @param newClusters those no earlier edition of the program listed
 * @param seenInEarlierEdition those an earlier edition listed
 * @param alsoOnOtherPrograms those another program lists too
 */
public record Edition(int year, int listingCount, int clusterCount, int newClusters, int seenInEarlierEdition,
		int alsoOnOtherPrograms) {

	static Edition of(Map<?, ?> row) {
		return new Edition(count(row, "year"), count(row, "listingCount"), count(row, "clusterCount"),
				count(row, "newClusters"), count(row, "seenInEarlierEdition"), count(row, "alsoOnOtherPrograms"));
	}

	private static int count(Map<?, ?> row, String key) {
		return Objects.requireNonNull(Rows.integer(row, key));
	}

}
