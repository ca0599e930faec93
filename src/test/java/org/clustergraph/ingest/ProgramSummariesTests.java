package org.clustergraph.ingest;

import java.util.List;
import java.util.Map;

import org.clustergraph.ingest.internal.RawListing;
import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedListing;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The programs' summaries on clusters listed in several editions and on several programs,
 * which no seed cluster is; GraphLoadTests checks the seed graph's against its listings.
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

	private static ResolvedCluster cluster(String key, ResolvedListing... listings) {
		return new ResolvedCluster(key, key, "", List.of(listings), List.of(), List.of(), Map.of());
	}

	private static ResolvedListing listing(String program, @Nullable Integer year, int rank) {
		return new ResolvedListing(
				new RawListing(program, year, rank, "name " + rank, program + ".txt", rank, List.of(), null), List.of(),
				"", List.of(), List.of());
	}

}
