package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.ListingOrder;
import org.jspecify.annotations.Nullable;

/**
 * One appearance of a cluster in a program's list.
 *
 * @param clusterKey the cluster's key
 * @param programKey the program's key
 * @param year the edition year, where the list has editions
 * @param validThrough the last year the designation holds, where the program states a
 * validity period
 * @param rank the serial number as published
 * @param nameAsListed the name exactly as written
 * @param source where it was read
 * @param placedInCodes the regions its own name places it in
 * @param decisions how its place, industry and identity were decided
 */
public record Listing(String clusterKey, String programKey, @Nullable Integer year, @Nullable Integer validThrough,
		int rank, String nameAsListed, Source source, List<String> placedInCodes, List<Decision> decisions) {

	/**
	 * Where the listing lies in its program's listings, which its cursor in
	 * {@code Program.listings} holds.
	 * @return its {@link ListingOrder}
	 */
	String order() {
		return ListingOrder.of(this.year, this.rank, this.clusterKey, this.source.document(), this.source.line());
	}

	static Listing of(String clusterKey, String programKey, Map<?, ?> row) {
		List<String> aspects = Rows.strings(row, "decisionAspects");
		List<String> rules = Rows.strings(row, "decisionRules");
		List<String> details = Rows.strings(row, "decisionDetails");
		List<Decision> decisions = new ArrayList<>();
		for (int i = 0; i < aspects.size(); i++) {
			decisions.add(new Decision(aspects.get(i), rules.get(i), details.get(i)));
		}
		return new Listing(clusterKey, programKey, Rows.integer(row, "year"), Rows.integer(row, "validThrough"),
				Objects.requireNonNull(Rows.integer(row, "rank")),
				Objects.requireNonNull(Rows.string(row, "nameAsListed")),
				new Source(Objects.requireNonNull(Rows.string(row, "document")),
						Objects.requireNonNull(Rows.integer(row, "line")), Rows.string(row, "url")),
				Rows.strings(row, "placedIn"), List.copyOf(decisions));
	}

	/**
	 * Where a listing was read.
	 *
	 * @param document the seed document's file name
	 * @param line the 1-based line holding the name
	 * @param url the published notice's address, where the document gives one
	 */
	public record Source(String document, int line, @Nullable String url) {
	}

	/**
	 * One resolution decision.
	 *
	 * @param aspect PLACE, INDUSTRY or IDENTITY
	 * @param rule the rule
	 * @param detail the evidence
	 */
	public record Decision(String aspect, String rule, String detail) {
	}

}
