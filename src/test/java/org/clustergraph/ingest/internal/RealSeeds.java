package org.clustergraph.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The project's real inputs, read from {@code seeds/} for tests, with the resolvers built
 * once.
 */
final class RealSeeds {

	static final SeedFiles FILES = DirectorySeedFiles.of(Path.of("seeds"));

	static final Gazetteer GAZETTEER = Gazetteer.of(table("reference/regions-nbs-2023.csv"),
			table("reference/zones.csv"));

	static final PlaceResolver PLACES = new PlaceResolver(GAZETTEER, table("reference/region-aliases.csv"));

	static final IndustryTree INDUSTRIES = IndustryTree.of(table("reference/gbt4754-2017.csv"));

	static final IndustryClassifier CLASSIFIER = new IndustryClassifier(INDUSTRIES,
			table("reference/industry-keywords.csv"), table("reference/gbt4754-2017-notes.csv"),
			table("reference/gbt4754-2017-sei2018.csv"), table("reference/product-vocabulary.csv"));

	static final List<ProgramDescriptor> PROGRAMS = ProgramCatalog.read(FILES.text(ProgramCatalog.FILE));

	/** The programs whose lists have no issuer. */
	static final java.util.Set<String> COMPILED = PROGRAMS.stream()
		.filter((p) -> p.issuer() == null)
		.map(ProgramDescriptor::key)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private RealSeeds() {
	}

	/**
	 * The real inputs with some files replaced, as a user edits a copy of {@code seeds/}.
	 * @param replaced the new texts by path
	 * @return the inputs
	 */
	static SeedFiles with(Map<String, String> replaced) {
		return (path) -> replaced.containsKey(path) ? replaced.get(path).getBytes(StandardCharsets.UTF_8)
				: FILES.bytes(path);
	}

	/**
	 * The real list descriptors with one more first.
	 * @param descriptor the new list's descriptor, a JSON object
	 * @return the text of {@code programs.json}
	 */
	static String catalogWith(String descriptor) {
		return FILES.text(ProgramCatalog.FILE)
			.replaceFirst("\"programs\": \\[", Matcher.quoteReplacement("\"programs\": [" + descriptor + ","));
	}

	static List<Csv.Row> table(String path) {
		return Csv.read(path, FILES.lines(path));
	}

	static ProgramDescriptor program(String key) {
		return PROGRAMS.stream().filter((p) -> p.key().equals(key)).findFirst().orElseThrow();
	}

	static List<RawListing> listings(String key) {
		ProgramDescriptor program = program(key);
		return new ListingParser().parse(program, FILES.lines(program.document())).listings();
	}

	static Place place(String code) {
		Place place = GAZETTEER.find(code);
		if (place == null) {
			throw new IllegalArgumentException("no region " + code);
		}
		return place;
	}

}
