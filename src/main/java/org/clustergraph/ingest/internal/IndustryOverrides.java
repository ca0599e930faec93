package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated industry decisions of {@code industry-overrides.csv}: a listing, named as
 * {@code program|year|name as listed}, gets the industries a reviewer chose instead of
 * the classifier's, with the row's reason as evidence.
 */
final class IndustryOverrides {

	private final Map<String, Row> rows;

	private IndustryOverrides(Map<String, Row> rows) {
		this.rows = rows;
	}

	/**
	 * Reads the table.
	 * @param tree the classification
	 * @param rows the rows of {@code industry-overrides.csv}
	 * @return the overrides
	 * @throws SourceException naming the line of a row with an unknown code, no codes or
	 * a listing named twice
	 */
	static IndustryOverrides of(IndustryTree tree, List<Csv.Row> rows) {
		Map<String, Row> byListing = new LinkedHashMap<>();
		for (Csv.Row row : rows) {
			String listing = key(row.get("listing"));
			List<IndustryTree.Industry> codes = new ArrayList<>();
			for (String code : row.get("codes").split(";")) {
				if (code.isBlank()) {
					continue;
				}
				IndustryTree.Industry industry = tree.find(code.strip());
				if (industry == null) {
					throw new SourceException(row.problem("unknown GB/T 4754-2017 code '" + code.strip() + "'"));
				}
				codes.add(industry);
			}
			if (codes.isEmpty()) {
				throw new SourceException(row.problem("no codes for '" + row.get("listing") + "'"));
			}
			if (byListing.put(listing, new Row(listing, List.copyOf(codes), row.get("reason"), row.line())) != null) {
				throw new SourceException(row.problem("'" + row.get("listing") + "' has a row already"));
			}
		}
		return new IndustryOverrides(byListing);
	}

	private static String key(String reference) {
		String[] parts = reference.split("\\|", 3);
		return (parts.length == 3) ? parts[0] + "|" + parts[1] + "|" + Text.normalize(parts[2]) : reference;
	}

	/**
	 * Applies the override of a listing, if it has one.
	 * @param listing the listing
	 * @param classification what the classifier found
	 * @return the classification to use
	 */
	IndustryClassifier.Classification apply(RawListing listing, IndustryClassifier.Classification classification) {
		Row row = this.rows.isEmpty() ? null : this.rows.get(listing.identityKey());
		if (row == null) {
			return classification;
		}
		String evidence = "industry-overrides.csv:" + row.line() + ": " + row.reason();
		List<IndustryClassifier.Assignment> assignments = row.codes()
			.stream()
			.map((i) -> new IndustryClassifier.Assignment(i, 1.0, "override", evidence))
			.toList();
		List<Decision> decisions = new ArrayList<>();
		decisions.add(Decision.industry("override",
				row.codes().stream().map((i) -> i.code() + " " + i.name()).toList() + " instead of "
						+ classification.industries().stream().map(IndustryTree.Industry::code).toList() + " ("
						+ evidence + ")"));
		return new IndustryClassifier.Classification(assignments, decisions);
	}

	/**
	 * Checks that every row names a listing of the load.
	 * @param listings every listing
	 * @throws SourceException naming the line of a row whose listing does not exist
	 */
	void checkNames(List<RawListing> listings) {
		if (this.rows.isEmpty()) {
			return;
		}
		// the rows' listings that exist, not the keys of every listing of a large load
		Set<String> named = new HashSet<>();
		for (RawListing listing : listings) {
			String key = listing.identityKey();
			if (this.rows.containsKey(key)) {
				named.add(key);
			}
		}
		List<SourceProblem> problems = new ArrayList<>();
		for (Row row : this.rows.values()) {
			if (!named.contains(row.listing())) {
				problems.add(new SourceProblem("industry-overrides.csv", row.line(),
						"no listing '" + row.listing() + "' (write program|year|name as listed)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new SourceException(problems);
		}
	}

	private record Row(String listing, List<IndustryTree.Industry> codes, String reason, int line) {
	}

}
