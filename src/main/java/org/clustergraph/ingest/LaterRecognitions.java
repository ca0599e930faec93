package org.clustergraph.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.clustergraph.ingest.internal.RawListing;
import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedListing;
import org.clustergraph.program.ListingOrder;
import org.clustergraph.program.RecognitionOrder;
import org.jspecify.annotations.Nullable;

/**
 * The rows of {@code laterRecognitions} one cluster gives, computed by the load from the
 * cluster's listings so that the query reads its first rows from an index (a program of
 * the national list holds 189,000 clusters at a thousand times the seeds, and collecting
 * them per request ran past the transaction memory limit).
 *
 * <p>
 * For each program that lists the cluster: its later listing is the program's first (the
 * earliest edition, then the lowest rank); its earlier listing is the first by year,
 * program key and rank among the other programs' listings of an earlier year, or, when
 * there is none, among those without a year (which count only when the query asks for
 * them). A program whose listings have no year has no earlier year, so only listings
 * without one precede it. A cluster that no other program listed before gives no row.
 */
final class LaterRecognitions {

	/**
	 * Of one cluster's listings: by year, the unknown last, then program key, rank and
	 * where the listing was read (the order of their {@code listingOrder} within a
	 * program).
	 */
	private static final Comparator<ResolvedListing> EARLIEST = Comparator
		.comparing((ResolvedListing l) -> l.raw().year(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing((l) -> l.raw().program())
		.thenComparingInt((l) -> l.raw().rank())
		.thenComparing((l) -> l.raw().document())
		.thenComparingInt((l) -> l.raw().line());

	private LaterRecognitions() {
	}

	/**
	 * One row: a program's later listing of the cluster and the listing that preceded it.
	 *
	 * @param later the program's first listing of the cluster, which carries the row
	 * @param earlier the other program's listing before it
	 * @param dated whether the earlier listing has a year (the row counts whether or not
	 * listings without a year are asked for)
	 * @param order the row's place in the program's rows ({@link RecognitionOrder})
	 * @param earlierOrder the earlier listing's {@code listingOrder}, by which the query
	 * finds it again
	 */
	record Recognition(ResolvedListing later, ResolvedListing earlier, boolean dated, String order,
			String earlierOrder) {
	}

	/**
	 * The rows of one cluster, one per program at most, by program key.
	 * @param cluster the resolved cluster
	 * @return the rows
	 */
	static List<Recognition> of(ResolvedCluster cluster) {
		Map<String, ResolvedListing> first = new TreeMap<>();
		for (ResolvedListing listing : cluster.listings()) {
			first.merge(listing.raw().program(), listing, (a, b) -> (EARLIEST.compare(b, a) < 0) ? b : a);
		}
		if (first.size() < 2) {
			return List.of();
		}
		List<Recognition> rows = new ArrayList<>();
		first.forEach((program, later) -> {
			Integer laterYear = later.raw().year();
			ResolvedListing dated = null;
			ResolvedListing undated = null;
			for (ResolvedListing listing : cluster.listings()) {
				RawListing raw = listing.raw();
				if (raw.program().equals(program)) {
					continue;
				}
				if (raw.year() == null) {
					undated = earliest(undated, listing);
				}
				else if (laterYear != null && raw.year() < laterYear) {
					dated = earliest(dated, listing);
				}
			}
			if (dated != null) {
				rows.add(new Recognition(later, dated, true,
						RecognitionOrder.dated(laterYear - dated.raw().year(), cluster.key()),
						listingOrder(cluster.key(), dated.raw())));
			}
			else if (undated != null) {
				rows.add(new Recognition(later, undated, false, RecognitionOrder.undated(cluster.key()),
						listingOrder(cluster.key(), undated.raw())));
			}
		});
		return rows;
	}

	private static ResolvedListing earliest(@Nullable ResolvedListing current, ResolvedListing candidate) {
		return (current == null || EARLIEST.compare(candidate, current) < 0) ? candidate : current;
	}

	/**
	 * A listing's order string, as the load writes it.
	 * @param cluster the key of the listing's cluster
	 * @param listing the listing as read
	 * @return its {@code listingOrder}
	 */
	static String listingOrder(String cluster, RawListing listing) {
		return ListingOrder.of(listing.year(), listing.rank(), cluster, listing.document(), listing.line());
	}

}
