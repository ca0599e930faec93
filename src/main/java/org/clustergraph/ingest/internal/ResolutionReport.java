package org.clustergraph.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a load resolved and how: counts per program, per region level and per industry
 * level, merges, the placement and classification targets with the listings that miss
 * them, and every listing that was unresolved, ambiguous, or placed or merged by a
 * curated row.
 *
 * @param listingsPerProgram listings per program key
 * @param listingsPerRegionLevel listings by the level of their deepest placement ("NONE"
 * when unplaced)
 * @param listingsPerIndustryLevel listings by the level of their most specific industry
 * ("NONE" when unclassified)
 * @param clusters the number of clusters
 * @param mergedClusters clusters with more than one listing
 * @param listingsInProvince listings placed in at least one province
 * @param listingsInPrefectureUnit listings placed in a prefecture-level unit or deeper (a
 * municipality such as 北京市 is one)
 * @param aboveThePrefectureLevel the listings placed no deeper than a province that is
 * not a prefecture-level unit, each with its source line
 * @param unclassifiedClusters clusters without an industry
 * @param attention every listing a reviewer should look at, with the reason
 * @param lowConfidence the listings classified with a confidence under
 * {@link #REVIEW_BELOW}, least confident first, each with its industries and evidence
 * @param possibleMatches the pairs of clusters that may be one, highest score first
 */
public record ResolutionReport(Map<String, Integer> listingsPerProgram, Map<String, Integer> listingsPerRegionLevel,
		Map<String, Integer> listingsPerIndustryLevel, int clusters, int mergedClusters, int listingsInProvince,
		int listingsInPrefectureUnit, List<String> aboveThePrefectureLevel, int unclassifiedClusters,
		List<String> attention, List<String> lowConfidence, List<String> possibleMatches) {

	/** Classifications less confident than this are listed for review first. */
	public static final double REVIEW_BELOW = 0.6;

	private static final List<String> INDUSTRY_LEVELS = List.of("SECTION", "DIVISION", "GROUP", "CLASS");

	static ResolutionReport of(ResolvedGraph graph, Gazetteer gazetteer) {
		Map<String, Integer> perProgram = new TreeMap<>();
		Map<String, Integer> perRegionLevel = new TreeMap<>();
		Map<String, Integer> perIndustryLevel = new TreeMap<>();
		List<String> attention = new ArrayList<>();
		List<String> aboveThePrefectureLevel = new ArrayList<>();
		int merged = 0;
		int inProvince = 0;
		int inPrefectureUnit = 0;
		int unclassified = 0;
		for (ResolvedCluster cluster : graph.clusters()) {
			if (cluster.listings().size() > 1) {
				merged++;
			}
			if (cluster.industries().isEmpty()) {
				unclassified++;
			}
			for (ResolvedListing listing : cluster.listings()) {
				RawListing raw = listing.raw();
				perProgram.merge(raw.program(), 1, Integer::sum);
				String regionLevel = listing.places()
					.stream()
					.map((p) -> p.level())
					.max(Enum::compareTo)
					.map(Enum::name)
					.orElse("NONE");
				perRegionLevel.merge(regionLevel, 1, Integer::sum);
				String where = raw.document() + ":" + raw.line() + " " + raw.nameAsListed();
				if (!listing.places().isEmpty()) {
					inProvince++;
					if (listing.places().stream().anyMatch((p) -> gazetteer.prefectureUnit(p) != null)) {
						inPrefectureUnit++;
					}
					else {
						aboveThePrefectureLevel.add(where);
					}
				}
				String industryLevel = listing.industries()
					.stream()
					.map(IndustryTree.Industry::level)
					.max((a, b) -> Integer.compare(INDUSTRY_LEVELS.indexOf(a), INDUSTRY_LEVELS.indexOf(b)))
					.orElse("NONE");
				perIndustryLevel.merge(industryLevel, 1, Integer::sum);
				List<Decision> decisions = new ArrayList<>(listing.decisions());
				decisions.addAll(cluster.identity().getOrDefault(listing, List.of()));
				for (Decision decision : decisions) {
					if (decision.rule().startsWith("alias:") || decision.rule().startsWith("override")
							|| List.of("unresolved", "ambiguous", "unclassified", "list-context")
								.contains(decision.rule())) {
						attention
							.add(where + " | " + decision.aspect() + " " + decision.rule() + " | " + decision.detail());
					}
				}
			}
		}
		List<ResolvedListing> doubtful = graph.listings()
			.stream()
			.filter((l) -> l.industryConfidence() < REVIEW_BELOW)
			.sorted(Comparator.comparingDouble(ResolvedListing::industryConfidence)
				.thenComparing((l) -> l.raw().identityKey()))
			.toList();
		List<String> lowConfidence = new ArrayList<>();
		for (ResolvedListing listing : doubtful) {
			RawListing raw = listing.raw();
			lowConfidence.add(String.format(Locale.ROOT, "%.2f %s:%d %s (%s) | %s", listing.industryConfidence(),
					raw.document(), raw.line(), raw.nameAsListed(), listing.industryPhrase(),
					listing.assignments().isEmpty() ? "unclassified"
							: listing.assignments()
								.stream()
								.map((a) -> a.industry().code() + " " + a.industry().name() + " by " + a.rule() + ": "
										+ a.evidence())
								.collect(Collectors.joining("; "))));
		}
		List<String> possible = new PossibleMatchLines(graph);
		return new ResolutionReport(perProgram, perRegionLevel, perIndustryLevel, graph.clusters().size(), merged,
				inProvince, inPrefectureUnit, List.copyOf(aboveThePrefectureLevel), unclassified,
				List.copyOf(attention), List.copyOf(lowConfidence), possible);
	}

	/**
	 * The listings in all programs.
	 * @return the total
	 */
	public int listings() {
		return this.listingsPerProgram.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * The report as text for the log and the report file.
	 * @return the report
	 */
	public String render() {
		StringBuilder out = new StringBuilder();
		render(out);
		return out.toString();
	}

	/**
	 * Writes the report as text, a line at a time, without holding all of it: a large
	 * load's report has a line for each of hundreds of thousands of possible matches.
	 * @param writer where to write it
	 * @throws IOException when the writer fails
	 */
	public void writeTo(Writer writer) throws IOException {
		try {
			render(writer);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private void render(Appendable to) {
		Lines out = new Lines(to);
		out.append("Resolution report\n=================\n");
		out.append("listings: ")
			.append(listings())
			.append(", clusters: ")
			.append(this.clusters)
			.append(", clusters with several listings: ")
			.append(this.mergedClusters)
			.append('\n');
		out.append("listings per program: ").append(this.listingsPerProgram).append('\n');
		out.append("listings per deepest region level: ").append(this.listingsPerRegionLevel).append('\n');
		out.append("listings per most specific industry level: ").append(this.listingsPerIndustryLevel).append('\n');
		out.append("\nReview first: classifications with a confidence under ")
			.append(REVIEW_BELOW)
			.append(" (")
			.append(this.lowConfidence.size())
			.append("; a row in industry-overrides.csv settles one)\n");
		this.lowConfidence.forEach((line) -> out.append("- ").append(line).append('\n'));
		out.append("\nReview first: possible matches (")
			.append(this.possibleMatches.size())
			.append("; a MERGE or SEPARATE row in identity-overrides.csv settles one)\n");
		this.possibleMatches.forEach((line) -> out.append("- ").append(line).append('\n'));
		out.append("\nTargets\n");
		out.append("listings placed in a province: ")
			.append(this.listingsInProvince)
			.append(" of ")
			.append(listings())
			.append('\n');
		out.append("listings placed in a prefecture-level unit or deeper: ")
			.append(this.listingsInPrefectureUnit)
			.append(" of ")
			.append(listings())
			.append(String.format(Locale.ROOT, " (%.1f%%)", percent(this.listingsInPrefectureUnit, listings())))
			.append("; placed no deeper than a province: ")
			.append(this.aboveThePrefectureLevel.isEmpty() ? "none" : this.aboveThePrefectureLevel.size())
			.append('\n');
		this.aboveThePrefectureLevel.forEach((line) -> out.append("  - ").append(line).append('\n'));
		out.append("clusters without an industry: ")
			.append(this.unclassifiedClusters)
			.append(" of ")
			.append(this.clusters)
			.append(String.format(Locale.ROOT, " (%.2f%%; the limit is 1%%)\n",
					percent(this.unclassifiedClusters, this.clusters)));
		out.append("\nListings to review (").append(this.attention.size()).append(" decisions):\n");
		this.attention.forEach((line) -> out.append("- ").append(line).append('\n'));
	}

	private static double percent(int part, int whole) {
		return (whole == 0) ? 0 : 100.0 * part / whole;
	}

	/**
	 * The possible matches as report lines, highest score first, each written when it is
	 * read.
	 */
	private static final class PossibleMatchLines extends AbstractList<String> implements RandomAccess {

		private final IdentityResolver.PossibleMatch[] matches;

		private final String[] keys;

		private final String[] names;

		PossibleMatchLines(ResolvedGraph graph) {
			this.matches = graph.possibleMatches()
				.stream()
				.sorted(Comparator.comparingDouble(IdentityResolver.PossibleMatch::score)
					.reversed()
					.thenComparing(IdentityResolver.PossibleMatch::from))
				.toArray(IdentityResolver.PossibleMatch[]::new);
			List<ResolvedCluster> clusters = graph.clusters()
				.stream()
				.sorted(Comparator.comparing(ResolvedCluster::key))
				.toList();
			this.keys = clusters.stream().map(ResolvedCluster::key).toArray(String[]::new);
			this.names = clusters.stream().map(ResolvedCluster::name).toArray(String[]::new);
		}

		@Override
		public String get(int index) {
			IdentityResolver.PossibleMatch m = this.matches[index];
			return String.format(Locale.ROOT, "%.2f Cluster:%s %s <-> Cluster:%s %s | %s", m.score(), m.from(),
					name(m.from()), m.to(), name(m.to()), m.evidence());
		}

		private @Nullable String name(String key) {
			int at = Arrays.binarySearch(this.keys, key);
			return (at >= 0) ? this.names[at] : null;
		}

		@Override
		public int size() {
			return this.matches.length;
		}

	}

	/** A string builder's appends over any appendable, failing unchecked. */
	private static final class Lines {

		private final Appendable to;

		Lines(Appendable to) {
			this.to = to;
		}

		Lines append(Object value) {
			try {
				this.to.append(String.valueOf(value));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return this;
		}

		Lines append(char value) {
			try {
				this.to.append(value);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return this;
		}

	}

}
