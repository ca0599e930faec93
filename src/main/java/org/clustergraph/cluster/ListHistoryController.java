package org.clustergraph.cluster;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.clustergraph.api.NotFoundException;
import org.clustergraph.api.PageRequest;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.ListingOrder;
import org.clustergraph.program.Program;
import org.clustergraph.program.Programs;
import org.clustergraph.program.RecognitionOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the questions about lists over time: {@code compareLists} (two lists or
 * editions side by side) and {@code laterRecognitions} (clusters one program recognized
 * after another had, from the rows the load recorded), each in one statement.
 */
@Controller
@Transactional(readOnly = true)
public class ListHistoryController {

	/**
	 * How many times the smaller list's clusters a whole program must have for
	 * {@code api/compare-lists} to look the smaller list's clusters up in it rather than
	 * read both: a lookup costs a seek and a read of the smaller list per cluster, twice
	 * over, where reading both costs a read of each list per cluster.
	 */
	public static final int LOOKUP_AT = 4;

	private final Reads reads;

	private final ClusterController clusters;

	private final Programs programs;

	ListHistoryController(Reads reads, ClusterController clusters, Programs programs) {
		this.reads = reads;
		this.clusters = clusters;
		this.programs = programs;
	}

	@QueryMapping
	ListComparison compareLists(@Argument ListRef from, @Argument ListRef to, @Argument @Nullable Integer first) {
		int size = PageRequest.size(first);
		Map<String, Program> programs = this.programs.byKey();
		check("from", from, programs);
		check("to", to, programs);
		Map<String, @Nullable Object> parameters = new HashMap<>();
		parameters.put("fromProgram", from.program());
		parameters.put("fromYear", from.year());
		parameters.put("fromStart", ListingOrder.from(from.year(), ""));
		parameters.put("fromEnd", ListingOrder.to(from.year()));
		parameters.put("toProgram", to.program());
		parameters.put("toYear", to.year());
		parameters.put("toStart", ListingOrder.from(to.year(), ""));
		parameters.put("toEnd", ListingOrder.to(to.year()));
		parameters.put("first", size);
		parameters.put("lookupAt", LOOKUP_AT);
		List<Map<String, Object>> rows = this.reads.all("api/compare-lists", parameters);
		if (rows.stream().anyMatch((row) -> Boolean.FALSE.equals(row.get("indexed")))) {
			// a graph loaded before the listings carried their cluster's key, until its
			// next load
			rows = this.reads.all("api/compare-lists-walk", parameters);
		}
		Map<String, ClusterSample> sides = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			sides.put(Objects.requireNonNull(Rows.string(row, "side")),
					new ClusterSample(Objects.requireNonNull(Rows.integer(row, "clusters")),
							this.clusters.byKeys(Rows.strings(row, "keys"))
								.stream()
								.sorted(Comparator.comparing(Cluster::key))
								.toList()));
		}
		ClusterSample none = new ClusterSample(0, List.of());
		return new ListComparison(sides.getOrDefault("from", none), sides.getOrDefault("to", none),
				sides.getOrDefault("both", none));
	}

	@QueryMapping
	LaterRecognitions laterRecognitions(@Argument String program, @Argument @Nullable Boolean undated,
			@Argument @Nullable Integer first) {
		int size = PageRequest.size(first);
		if (!this.programs.byKey().containsKey(program)) {
			throw new NotFoundException("program: no program has the key '" + program + "' (see the programs query)");
		}
		boolean withUndated = !Boolean.FALSE.equals(undated);
		Map<String, Object> recorded = this.reads
			.one("api/later-recognitions",
					Map.of("program", program, "undated", withUndated, "end", RecognitionOrder.end(withUndated),
							"first", size))
			.orElse(null);
		if (recorded == null) {
			// the program went with a switch after the check
			return new LaterRecognitions(0, List.of());
		}
		List<Map<?, ?>> rows;
		if (Boolean.TRUE.equals(recorded.get("indexed"))) {
			rows = Objects.requireNonNull(Rows.maps(recorded, "items", Function.<Map<?, ?>>identity()))
				.stream()
				.sorted(Comparator
					.comparing((row) -> Objects.requireNonNull(Rows.string(Rows.map(row, "later"), "laterOrder"))))
				.toList();
		}
		else {
			// a graph loaded before the load recorded the rows, until the next load: the
			// walk gives its rows in order
			recorded = this.reads
				.one("api/later-recognitions-walk", Map.of("program", program, "undated", withUndated, "first", size))
				.orElseThrow();
			rows = Objects.requireNonNull(Rows.maps(recorded, "items", Function.<Map<?, ?>>identity()));
		}
		int total = Objects.requireNonNull(Rows.integer(recorded, "total"));
		Map<String, Cluster> byKey = new HashMap<>();
		this.clusters.byKeys(rows.stream().map((row) -> Objects.requireNonNull(Rows.string(row, "cluster"))).toList())
			.forEach((c) -> byKey.put(c.key(), c));
		List<LaterRecognition> items = rows.stream().map((row) -> {
			String cluster = Objects.requireNonNull(Rows.string(row, "cluster"));
			return new LaterRecognition(Objects.requireNonNull(byKey.get(cluster)),
					Listing.of(cluster, Objects.requireNonNull(Rows.string(row, "earlierProgram")),
							Rows.map(row, "earlier")),
					Listing.of(cluster, program, Rows.map(row, "later")), Rows.integer(row, "lag"));
		}).toList();
		return new LaterRecognitions(total, items);
	}

	/**
	 * Refuses a list the graph does not hold, naming the argument: a program key it does
	 * not know, or a year that is not one of the program's editions.
	 */
	private static void check(String argument, ListRef list, Map<String, Program> programs) {
		Program program = programs.get(list.program());
		if (program == null) {
			throw new NotFoundException(
					argument + ".program: no program has the key '" + list.program() + "' (see the programs query)");
		}
		if (list.year() != null && !program.years().contains(list.year())) {
			throw new NotFoundException(argument + ".year: " + program.key() + " has no " + list.year() + " edition"
					+ (program.years().isEmpty() ? " (its list has no editions)" : " (its editions: "
							+ program.years().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
							+ ")"));
		}
	}

	/**
	 * A list to compare.
	 *
	 * @param program the program's key
	 * @param year one edition; null for all
	 */
	record ListRef(String program, @Nullable Integer year) {
	}

	/**
	 * How two lists compare.
	 *
	 * @param onlyInFrom clusters only the first names
	 * @param onlyInTo clusters only the second names
	 * @param inBoth clusters both name
	 */
	record ListComparison(ClusterSample onlyInFrom, ClusterSample onlyInTo, ClusterSample inBoth) {
	}

	/**
	 * A set of clusters.
	 *
	 * @param count how many
	 * @param clusters the first of them by key
	 */
	record ClusterSample(int count, List<Cluster> clusters) {
	}

	/**
	 * Clusters a program recognized after another had.
	 *
	 * @param totalCount how many in all
	 * @param items the first of them
	 */
	record LaterRecognitions(int totalCount, List<LaterRecognition> items) {
	}

	/**
	 * One cluster recognized later.
	 *
	 * @param cluster the cluster
	 * @param earlier the earliest listing by another program
	 * @param later the program's first listing
	 * @param lagYears the years between them; null when either has no year
	 */
	record LaterRecognition(Cluster cluster, Listing earlier, Listing later, @Nullable Integer lagYears) {
	}

}
