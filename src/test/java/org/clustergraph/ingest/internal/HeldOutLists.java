package org.clustergraph.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Measures how the industry classifier does on lists it was not built with: for each list
 * (each MIIT edition on its own), the curated tables lose every row that only that list's
 * listings use, as if the list had arrived after the tables were written, and the list's
 * listings are classified and compared with the hand-labelled answers
 * ({@code src/test/resources/labelled/industry-*.csv}, labelled apart from the tables). A
 * listing is right when it has industries and every one of them lies in a division the
 * answer names (as a code or as an acceptable alternative); an industry above the
 * division level is not right.
 */
final class HeldOutLists {

	private static final Path LABELS = Path.of("src/test/resources/labelled");

	private HeldOutLists() {
	}

	/** Every seed listing with its phrase and its labelled answer. */
	static List<Case> cases() {
		Map<String, Csv.Row> labels = new LinkedHashMap<>();
		for (String file : List.of("industry-000.csv", "industry-002.csv")) {
			for (Csv.Row row : Csv.read(file, lines(LABELS.resolve(file)), "document", "line", "name_as_listed",
					"codes", "acceptable")) {
				labels.put(row.get("document") + ":" + row.get("line"), row);
			}
		}
		List<Case> cases = new ArrayList<>();
		for (ProgramDescriptor program : RealSeeds.PROGRAMS) {
			for (RawListing listing : RealSeeds.listings(program.key())) {
				Csv.Row label = labels.get(listing.document() + ":" + listing.line());
				if (label == null) {
					throw new IllegalStateException("no label for " + listing.document() + ":" + listing.line());
				}
				if (!label.get("name_as_listed").equals(listing.nameAsListed())) {
					throw new IllegalStateException("label " + label.line() + " names '" + label.get("name_as_listed")
							+ "', the listing '" + listing.nameAsListed() + "'");
				}
				Place context = RealSeeds.PLACES.context(program.contextProvince(), listing.context());
				String phrase = RealSeeds.PLACES.resolve(listing.nameAsListed(), context).industryPhrase();
				cases.add(new Case(listing, fold(listing), phrase,
						divisions(label.get("codes") + ";" + label.get("acceptable"))));
			}
		}
		return List.copyOf(cases);
	}

	/** The list a listing is held out with: its program, and for MIIT its edition. */
	static String fold(RawListing listing) {
		return listing.program() + ((listing.year() != null) ? " " + listing.year() : "");
	}

	/**
	 * A classifier built without the curated rows that only the held-out listings use.
	 * @param cases every case
	 * @param heldOut which cases are held out
	 * @return the classifier and how many keyword rows it lost
	 */
	static Built withoutRowsOnlyFor(List<Case> cases, Predicate<Case> heldOut) {
		List<Csv.Row> keywords = RealSeeds.table("reference/industry-keywords.csv");
		List<Csv.Row> kept = new ArrayList<>();
		for (Csv.Row row : keywords) {
			String word = Text.normalize(row.get("keyword"));
			List<Case> users = cases.stream().filter((c) -> Text.normalize(c.phrase()).contains(word)).toList();
			if (users.isEmpty() || !users.stream().allMatch(heldOut)) {
				kept.add(row);
			}
		}
		IndustryClassifier classifier = new IndustryClassifier(RealSeeds.INDUSTRIES, kept,
				RealSeeds.table("reference/gbt4754-2017-notes.csv"),
				RealSeeds.table("reference/gbt4754-2017-sei2018.csv"),
				RealSeeds.table("reference/product-vocabulary.csv"));
		return new Built(classifier, keywords.size() - kept.size());
	}

	/**
	 * Classifies each held-out list with the tables built without it, then the whole seed
	 * set with every table.
	 * @return one row per list, then the row for all seeds
	 */
	static List<Score> measure() {
		List<Case> cases = cases();
		List<String> folds = cases.stream().map(Case::fold).distinct().toList();
		List<Score> scores = new ArrayList<>();
		for (String fold : folds) {
			Built built = withoutRowsOnlyFor(cases, (c) -> c.fold().equals(fold));
			scores.add(score(fold, built, cases.stream().filter((c) -> c.fold().equals(fold)).toList()));
		}
		scores.add(score("all seeds, every table", withoutRowsOnlyFor(cases, (c) -> false), cases));
		return List.copyOf(scores);
	}

	private static Score score(String fold, Built built, List<Case> cases) {
		int right = 0;
		int unclassified = 0;
		List<String> misses = new ArrayList<>();
		for (Case c : cases) {
			IndustryClassifier.Classification classification = built.classifier().classify(c.phrase());
			List<IndustryTree.Industry> industries = classification.industries();
			if (industries.isEmpty()) {
				unclassified++;
				misses.add("unclassified: " + c.listing().nameAsListed() + " ('" + c.phrase() + "')");
			}
			else if (industries.stream().allMatch((i) -> c.divisions().containsAll(divisions(i.code())))) {
				right++;
			}
			else {
				misses.add(c.listing().nameAsListed() + " ('" + c.phrase() + "') -> "
						+ industries.stream().map((i) -> i.code() + " " + i.name()).toList() + " answer divisions "
						+ c.divisions().stream().sorted().toList() + " by "
						+ classification.decisions().stream().map(Decision::rule).distinct().toList());
			}
		}
		return new Score(fold, cases.size(), right, unclassified, built.droppedRows(), List.copyOf(misses));
	}

	/**
	 * The measurement as a table.
	 * @param scores the scores
	 * @return the table, in Markdown
	 */
	static String table(List<Score> scores) {
		StringBuilder out = new StringBuilder();
		out.append("| held-out list | listings | keyword rows left out | right division | unclassified |\n");
		out.append("|---|---:|---:|---:|---:|\n");
		for (Score score : scores) {
			out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d (%.1f%%) | %d (%.1f%%) |%n", score.fold(),
					score.listings(), score.droppedRows(), score.right(), score.rightShare() * 100,
					score.unclassified(), score.unclassifiedShare() * 100));
		}
		return out.toString();
	}

	private static Set<String> divisions(String codes) {
		Set<String> divisions = new HashSet<>();
		for (String code : codes.split(";")) {
			if (code.isBlank()) {
				continue;
			}
			IndustryTree.Industry industry = RealSeeds.INDUSTRIES.find(code.strip());
			if (industry == null) {
				throw new IllegalStateException("unknown code '" + code + "' in the labels");
			}
			if (industry.level().equals("SECTION")) {
				RealSeeds.INDUSTRIES.under(industry)
					.stream()
					.filter((i) -> i.level().equals("DIVISION"))
					.forEach((i) -> divisions.add(i.code()));
			}
			else {
				divisions.add(RealSeeds.INDUSTRIES.division(industry).code());
			}
		}
		return Set.copyOf(divisions);
	}

	private static List<String> lines(Path path) {
		try {
			return Files.readAllLines(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Prints the table and every miss. */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].startsWith("--explain")) {
			IndustryClassifier classifier = args[0].equals("--explain-without-keywords")
					? withoutRowsOnlyFor(cases(), (c) -> true).classifier()
					: withoutRowsOnlyFor(cases(), (c) -> false).classifier();
			for (int i = 1; i < args.length; i++) {
				System.out.println(args[i]);
				classifier.classify(args[i])
					.decisions()
					.forEach((d) -> System.out.println("  " + d.rule() + ": " + d.detail()));
			}
			return;
		}
		List<Score> scores = measure();
		System.out.println(table(scores));
		if (args.length > 0 && args[0].equals("--misses")) {
			scores.forEach((s) -> s.misses().forEach((m) -> System.out.println(s.fold() + ": " + m)));
		}
	}

	/**
	 * One labelled listing.
	 *
	 * @param listing the listing
	 * @param fold the list it is held out with
	 * @param phrase its industry phrase
	 * @param divisions the divisions its answer names
	 */
	record Case(RawListing listing, String fold, String phrase, Set<String> divisions) {
	}

	/**
	 * A classifier and how many keyword rows it was built without.
	 *
	 * @param classifier the classifier
	 * @param droppedRows keyword rows left out
	 */
	record Built(IndustryClassifier classifier, int droppedRows) {
	}

	/**
	 * How one list did.
	 *
	 * @param fold the list
	 * @param listings its listings
	 * @param right listings in a right division
	 * @param unclassified listings without an industry
	 * @param droppedRows keyword rows left out for it
	 * @param misses the listings not right, with what they got
	 */
	record Score(String fold, int listings, int right, int unclassified, int droppedRows, List<String> misses) {

		double rightShare() {
			return (double) this.right / this.listings;
		}

		double unclassifiedShare() {
			return (double) this.unclassified / this.listings;
		}

	}

}
