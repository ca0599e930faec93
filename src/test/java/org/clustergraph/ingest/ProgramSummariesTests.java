package org.clustergraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.clustergraph.ingest.internal.RawListing;
import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedListing;
import org.clustergraph.program.RecognitionOrder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The programs' summaries and later recognitions on clusters listed in several editions
 * and on several programs with editions, which no seed cluster is; GraphLoadTests checks
 * the seed graph's against its listings.
 */
class ProgramSummariesTests {

	@Test
	void countsEachEditionsListingsClustersNewClustersAndClustersOnOtherPrograms() {
		List<ResolvedCluster> clusters = List.of(cluster("a", listing("p", 2022, 1), listing("p", 2024, 1)),
				cluster("b", listing("p", 2024, 2), listing("p", 2024, 3), listing("q", null, 1)),
				cluster("c", listing("p", null, 9), listing("p", 2023, 1)));
		List<Map<String, Object>> rows = ProgramSummaries.of(List.of("p", "q", "r"), clusters);
		assertThat(rows).extracting((row) -> row.get("program")).containsExactly("p", "q", "r");
		assertThat(rows.get(0)).containsEntry("clusterCount", 3)
			.containsEntry("years", List.of(2022, 2023, 2024))
			// b is listed twice in 2024
			.containsEntry("listings", List.of(1L, 1L, 3L))
			.containsEntry("clusters", List.of(1L, 1L, 2L))
			// a was listed in 2022 already
			.containsEntry("fresh", List.of(1L, 1L, 1L))
			// b is on q too
			.containsEntry("shared", List.of(0L, 0L, 1L));
		// a program without editions, and one without listings
		assertThat(rows.get(1)).containsEntry("clusterCount", 1).containsEntry("years", List.of());
		assertThat(rows.get(2)).containsEntry("clusterCount", 0)
			.containsEntry("years", List.of())
			.containsEntry("listings", List.of());
	}

	@Test
	void countsTheClustersEachProgramSharesWithEachOther() {
		List<ResolvedCluster> clusters = List.of(
				cluster("a", listing("p", 2022, 1), listing("q", null, 1), listing("r", null, 1)),
				cluster("b", listing("p", 2023, 2), listing("p", 2024, 2), listing("q", null, 2)),
				cluster("c", listing("r", null, 3)), cluster("d", listing("p", null, 4)));
		List<Map<String, Object>> rows = ProgramSummaries.of(List.of("p", "q", "r", "s"), clusters);
		// b counts once for p and q, whatever its editions
		assertThat(rows.get(0)).containsEntry("sharedWith", List.of("q", "r"))
			.containsEntry("sharedClusters", List.of(2, 1));
		assertThat(rows.get(1)).containsEntry("sharedWith", List.of("p", "r"))
			.containsEntry("sharedClusters", List.of(2, 1));
		assertThat(rows.get(2)).containsEntry("sharedWith", List.of("p", "q"))
			.containsEntry("sharedClusters", List.of(1, 1));
		assertThat(rows.get(3)).containsEntry("sharedWith", List.of()).containsEntry("sharedClusters", List.of());
	}

	/**
	 * Which program listed a cluster first, across programs with editions and without:
	 * the seeds have one program with editions, so no seed cluster gives a row with a
	 * lag.
	 */
	@Test
	void recordsEachProgramsLaterRecognitionsAndTheirOrder() {
		ResolvedListing a2022 = listing("p", 2022, 3);
		List<ResolvedCluster> clusters = List.of(
				cluster("a", listing("p", 2024, 5), a2022, listing("q", 2020, 1), listing("q", 2018, 2),
						listing("r", null, 1)),
				// two programs listed it in 2021: the lower key is the earlier
				cluster("b", listing("p", 2023, 1), listing("s", 2021, 1), listing("q", 2021, 7)),
				cluster("c", listing("p", 2022, 4)), cluster("d", listing("r", null, 2), listing("t", null, 1)),
				// a dated earlier listing wins over one without a year
				cluster("e", listing("p", 2025, 1), listing("u", null, 1), listing("q", 2020, 1)),
				// p's first listing is its lower rank of 2023; v's listing of the
				// same year is not earlier
				cluster("f", listing("p", 2023, 9), listing("v", 2023, 1), listing("p", 2023, 4),
						listing("w", 2021, 2)));
		Map<String, List<String>> rows = new TreeMap<>();
		for (ResolvedCluster cluster : clusters) {
			for (LaterRecognitions.Recognition row : LaterRecognitions.of(cluster)) {
				rows.computeIfAbsent(row.later().raw().program(), (k) -> new ArrayList<>())
					.add(cluster.key() + " " + row.earlier().raw().program() + " " + row.earlier().raw().year() + " "
							+ row.dated() + " " + row.order());
			}
		}
		assertThat(rows).containsOnlyKeys("p", "q", "r", "t", "v");
		assertThat(rows.get("p")).containsExactly("a q 2018 true " + RecognitionOrder.dated(4, "a"),
				"b q 2021 true " + RecognitionOrder.dated(2, "b"), "e q 2020 true " + RecognitionOrder.dated(5, "e"),
				"f w 2021 true " + RecognitionOrder.dated(2, "f"));
		assertThat(rows.get("v")).containsExactly("f w 2021 true " + RecognitionOrder.dated(2, "f"));
		assertThat(LaterRecognitions.of(clusters.get(5))).filteredOn((row) -> row.later().raw().program().equals("p"))
			.singleElement()
			.satisfies((row) -> assertThat(row.later().raw().rank()).isEqualTo(4));
		// q's first listings of a and e precede every other dated one; r and u list
		// them without a year
		assertThat(rows.get("q")).containsExactly("a r null false " + RecognitionOrder.undated("a"),
				"e u null false " + RecognitionOrder.undated("e"));
		// lists without editions: only other lists without editions precede them
		assertThat(rows.get("r")).containsExactly("d t null false " + RecognitionOrder.undated("d"));
		assertThat(rows.get("t")).containsExactly("d r null false " + RecognitionOrder.undated("d"));
		assertThat(LaterRecognitions.of(clusters.get(0))).filteredOn((row) -> row.later().raw().program().equals("p"))
			.singleElement()
			.satisfies((row) -> assertThat(row.later()).isSameAs(a2022))
			.satisfies((row) -> assertThat(row.earlierOrder())
				.isEqualTo(LaterRecognitions.listingOrder("a", row.earlier().raw())));
		List<Map<String, Object>> summaries = ProgramSummaries.of(List.of("p", "q", "r", "s", "t", "v", "w"), clusters);
		assertThat(summaries).extracting((row) -> row.get("laterDated")).containsExactly(4, 0, 0, 0, 0, 1, 0);
		assertThat(summaries).extracting((row) -> row.get("laterUndated")).containsExactly(0, 2, 1, 0, 1, 0, 0);
	}

	@Test
	void ordersLaterRecognitionsByLagThenWithoutOneEachByCluster() {
		List<String> strings = new ArrayList<>(List.of(RecognitionOrder.undated("0a"), RecognitionOrder.dated(1, "00"),
				RecognitionOrder.dated(12, "ff"), RecognitionOrder.dated(2, "0b"), RecognitionOrder.dated(2, "0a"),
				RecognitionOrder.undated("00"), RecognitionOrder.dated(Integer.MAX_VALUE, "zz")));
		strings.sort(null);
		assertThat(strings).containsExactly(RecognitionOrder.dated(Integer.MAX_VALUE, "zz"),
				RecognitionOrder.dated(12, "ff"), RecognitionOrder.dated(2, "0a"), RecognitionOrder.dated(2, "0b"),
				RecognitionOrder.dated(1, "00"), RecognitionOrder.undated("00"), RecognitionOrder.undated("0a"));
		assertThat(strings.subList(0, 5)).allMatch((s) -> s.compareTo(RecognitionOrder.end(false)) < 0);
		assertThat(strings.subList(5, 7)).allMatch((s) -> s.compareTo(RecognitionOrder.end(false)) > 0)
			.allMatch((s) -> s.compareTo(RecognitionOrder.end(true)) < 0);
		assertThatIllegalArgumentException().isThrownBy(() -> RecognitionOrder.dated(0, "00"));
	}

	private static ResolvedCluster cluster(String key, ResolvedListing... listings) {
		return new ResolvedCluster(key, key, "", List.of(listings), List.of(), List.of(), Map.of());
	}

	private static ResolvedListing listing(String program, @Nullable Integer year, int rank) {
		return new ResolvedListing(
				new RawListing(program, year, rank, "name " + rank, program + ".txt", rank, List.of(), null), List.of(),
				"", List.of(), List.of());
	}

}
