package org.clustergraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedListing;

/**
 * What the load records on each program (load/summarize-programs): how many distinct
 * clusters it lists, and its editions, oldest first, as lists element by element: the
 * year, its listings, its distinct clusters, how many of those no earlier edition of the
 * program listed (the year is the cluster's first in the program) and how many another
 * program lists too; and how many rows of {@code laterRecognitions} it has whose earlier
 * listing has a year, and how many whose earlier listing has none
 * ({@link LaterRecognitions}); and, for each other program that lists a cluster it lists
 * too, how many such clusters (by the other's key, as two lists element by element).
 * Counted from the resolved clusters the load writes, one pass over their listings;
 * listings without a year belong to no edition. GraphLoadTests checks the stored lists
 * against the graph's own listings.
 */
final class ProgramSummaries {

	private ProgramSummaries() {
	}

	/**
	 * The summary of each program, listed or not.
	 * @param programs every program's key
	 * @param clusters the resolved clusters
	 * @return one row per program: {@code program}, {@code clusterCount}, {@code years},
	 * {@code listings}, {@code clusters}, {@code fresh}, {@code shared},
	 * {@code laterDated}, {@code laterUndated}, {@code sharedWith} (the other programs'
	 * keys, in order) and {@code sharedClusters}
	 */
	static List<Map<String, Object>> of(List<String> programs, List<ResolvedCluster> clusters) {
		Map<String, Integer> clusterCounts = new HashMap<>();
		// per program: rows of laterRecognitions with a dated earlier listing, and
		// without one
		Map<String, int[]> recognitions = new HashMap<>();
		// per program and year: listings, clusters, new ones, ones on other lists
		Map<String, TreeMap<Integer, long[]>> editions = new HashMap<>();
		// per program: the clusters it shares with each other program
		Map<String, TreeMap<String, Integer>> overlaps = new HashMap<>();
		for (ResolvedCluster cluster : clusters) {
			Map<String, TreeMap<Integer, Integer>> years = new HashMap<>();
			for (ResolvedListing listing : cluster.listings()) {
				TreeMap<Integer, Integer> ofProgram = years.computeIfAbsent(listing.raw().program(),
						(k) -> new TreeMap<>());
				if (listing.raw().year() != null) {
					ofProgram.merge(listing.raw().year(), 1, Integer::sum);
				}
			}
			for (LaterRecognitions.Recognition recognition : LaterRecognitions.of(cluster)) {
				recognitions.computeIfAbsent(recognition.later().raw().program(), (k) -> new int[2])[recognition.dated()
						? 0 : 1]++;
			}
			boolean shared = years.size() > 1;
			for (String program : years.keySet()) {
				for (String other : years.keySet()) {
					if (!other.equals(program)) {
						overlaps.computeIfAbsent(program, (k) -> new TreeMap<>()).merge(other, 1, Integer::sum);
					}
				}
			}
			years.forEach((program, listed) -> {
				clusterCounts.merge(program, 1, Integer::sum);
				TreeMap<Integer, long[]> ofProgram = editions.computeIfAbsent(program, (k) -> new TreeMap<>());
				listed.forEach((year, listings) -> {
					long[] tally = ofProgram.computeIfAbsent(year, (k) -> new long[4]);
					tally[0] += listings;
					tally[1]++;
					tally[2] += year.equals(listed.firstKey()) ? 1 : 0;
					tally[3] += shared ? 1 : 0;
				});
			});
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String program : programs) {
			TreeMap<Integer, long[]> ofProgram = editions.getOrDefault(program, new TreeMap<>());
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("program", program);
			row.put("clusterCount", clusterCounts.getOrDefault(program, 0));
			row.put("years", List.copyOf(ofProgram.keySet()));
			row.put("listings", column(ofProgram, 0));
			row.put("clusters", column(ofProgram, 1));
			row.put("fresh", column(ofProgram, 2));
			row.put("shared", column(ofProgram, 3));
			int[] later = recognitions.getOrDefault(program, new int[2]);
			row.put("laterDated", later[0]);
			row.put("laterUndated", later[1]);
			TreeMap<String, Integer> overlap = overlaps.getOrDefault(program, new TreeMap<>());
			row.put("sharedWith", List.copyOf(overlap.keySet()));
			row.put("sharedClusters", List.copyOf(overlap.values()));
			rows.add(row);
		}
		return rows;
	}

	private static List<Long> column(TreeMap<Integer, long[]> editions, int column) {
		return editions.values().stream().map((tally) -> tally[column]).toList();
	}

}
