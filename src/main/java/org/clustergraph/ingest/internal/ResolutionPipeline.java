package org.clustergraph.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Runs the whole resolution: reads the descriptors, parses every list, places, classifies
 * and resolves identities. Pure: the same inputs give the same graph.
 */
public final class ResolutionPipeline {

	/** The reference tables the pipeline reads, relative to {@code seeds/}. */
	public static final List<String> TABLES = List.of(ProgramCatalog.FILE, "reference/regions-nbs-2023.csv",
			"reference/zones.csv", "reference/region-aliases.csv", "reference/gbt4754-2017.csv",
			"reference/gbt4754-2017-notes.csv", "reference/gbt4754-2017-sei2018.csv",
			"reference/product-vocabulary.csv", "reference/industry-keywords.csv", "reference/industry-overrides.csv",
			"reference/identity-overrides.csv");

	private final SeedFiles files;

	private final String shape;

	private @Nullable String fingerprint;

	/**
	 * Creates a pipeline over a set of inputs.
	 * @param files the inputs
	 * @param shape the digest of what else shapes the graph (the rules' code and the
	 * statements that write it), mixed into the fingerprint
	 */
	public ResolutionPipeline(SeedFiles files, String shape) {
		this.files = files;
		this.shape = shape;
	}

	/**
	 * Digests every input and the shape.
	 * @return a hex SHA-256
	 */
	public String fingerprint() {
		if (this.fingerprint == null) {
			this.fingerprint = digest();
		}
		return this.fingerprint;
	}

	private String digest() {
		List<ProgramDescriptor> descriptors = ProgramCatalog.read(text(ProgramCatalog.FILE));
		Set<String> inputs = new LinkedHashSet<>(TABLES);
		descriptors.forEach((d) -> inputs.add(d.document()));
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.shape.getBytes(StandardCharsets.UTF_8));
			for (String input : inputs) {
				digest.update(input.getBytes(StandardCharsets.UTF_8));
				digest.update(this.files.bytes(input));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Resolves the inputs into a graph.
	 * @return the graph and its report
	 * @throws SourceException listing every problem, with file and line, when the inputs
	 * cannot be loaded as they are
	 */
	public Outcome run() {
		return run((line) -> {
		});
	}

	/**
	 * Resolves the inputs into a graph, telling how far it is.
	 * @param log where a line goes at the end of each phase, and every few seconds of the
	 * placement and classification of the listings
	 * @return the graph and its report
	 * @throws SourceException listing every problem, with file and line, when the inputs
	 * cannot be loaded as they are
	 */
	public Outcome run(Consumer<String> log) {
		long started = System.nanoTime();
		String fingerprint = fingerprint();
		List<ProgramDescriptor> descriptors = ProgramCatalog.read(text(ProgramCatalog.FILE));
		List<SourceProblem> problems = new ArrayList<>();
		ListingParser parser = new ListingParser();
		List<ResolvedGraph.ProgramInfo> programs = new ArrayList<>();
		Map<ProgramDescriptor, List<RawListing>> raw = new LinkedHashMap<>();
		for (ProgramDescriptor descriptor : descriptors) {
			ListingParser.Result result = parser.parse(descriptor, this.files.lines(descriptor.document()));
			problems.addAll(result.problems());
			raw.put(descriptor, result.listings());
			programs.add(new ResolvedGraph.ProgramInfo(descriptor, result.years()));
		}
		if (!problems.isEmpty()) {
			throw new SourceException(problems);
		}
		long parsed = raw.values().stream().mapToLong(List::size).sum();
		log.accept(String.format(Locale.ROOT, "Read %,d listings of %d lists in %,d ms", parsed, descriptors.size(),
				(System.nanoTime() - started) / 1_000_000));
		Gazetteer gazetteer = Gazetteer.of(table("reference/regions-nbs-2023.csv", "code", "name", "level"),
				curated("reference/zones.csv", "source", "code", "name", "host_code"));
		checkProvinces(descriptors, gazetteer);
		PlaceResolver places = new PlaceResolver(gazetteer,
				curated("reference/region-aliases.csv", "reason", "alias", "codes", "kind", "scope"));
		IndustryTree tree = IndustryTree.of(table("reference/gbt4754-2017.csv", "code", "name", "level"));
		IndustryClassifier classifier = new IndustryClassifier(tree,
				curated("reference/industry-keywords.csv", "reason", "keyword", "codes"),
				table("reference/gbt4754-2017-notes.csv", "code", "note"),
				table("reference/gbt4754-2017-sei2018.csv", "code", "term"),
				table("reference/product-vocabulary.csv", "code", "term", "note"));
		IndustryOverrides industryOverrides = IndustryOverrides.of(tree,
				curated("reference/industry-overrides.csv", "reason", "listing", "codes"));
		industryOverrides.checkNames(raw.values().stream().flatMap(List::stream).toList());
		Set<String> compiled = descriptors.stream()
			.filter((d) -> d.issuer() == null)
			.map(ProgramDescriptor::key)
			.collect(Collectors.toUnmodifiableSet());
		IdentityResolver identity = new IdentityResolver(gazetteer, tree,
				curated("reference/identity-overrides.csv", "reason", "action", "listing", "other"), compiled);

		List<ResolvedListing> listings = new ArrayList<>();
		Progress progress = new Progress("Placing and classifying", "listings", parsed, Progress.INTERVAL,
				System::nanoTime, log);
		for (Map.Entry<ProgramDescriptor, List<RawListing>> list : raw.entrySet()) {
			ProgramDescriptor descriptor = list.getKey();
			for (RawListing listing : list.getValue()) {
				Place context = places.context(descriptor.contextProvince(), listing.context());
				PlaceResolver.Placement placement = places.resolve(listing.nameAsListed(), context);
				IndustryClassifier.Classification classification = industryOverrides.apply(listing,
						classifier.classify(placement.industryPhrase()));
				List<Decision> decisions = new ArrayList<>(placement.decisions());
				decisions.addAll(classification.decisions());
				listings.add(new ResolvedListing(listing, placement.places(), placement.industryPhrase(),
						classification.assignments(), decisions));
				progress.advance(1);
			}
		}
		progress.finish();
		long identityStarted = System.nanoTime();
		IdentityResolver.Resolution resolution = identity.resolution(listings);
		log.accept(String.format(Locale.ROOT, "Resolved identities: %,d listings into %,d clusters in %,d ms",
				listings.size(), resolution.clusters().size(), (System.nanoTime() - identityStarted) / 1_000_000));
		List<ResolvedCluster> clusters = resolution.clusters();
		Map<String, Place> regions = new LinkedHashMap<>();
		for (Place place : gazetteer.all()) {
			if (place.level() != Place.Level.TOWNSHIP) {
				regions.put(place.code(), place);
			}
		}
		for (ResolvedListing listing : listings) {
			for (Place place : listing.places()) {
				regions.putIfAbsent(place.code(), place);
				gazetteer.ancestors(place).forEach((a) -> regions.putIfAbsent(a.code(), a));
			}
		}
		List<Place> orderedRegions = regions.values().stream().sorted(Comparator.comparing(Place::code)).toList();
		Set<String> otherPrefectureUnits = orderedRegions.stream()
			.filter((p) -> p.level() != Place.Level.PREFECTURE)
			.filter((p) -> gazetteer.prefectureUnit(p) instanceof Place unit && unit.code().equals(p.code()))
			.map(Place::code)
			.collect(Collectors.toUnmodifiableSet());
		ResolvedGraph graph = new ResolvedGraph(List.copyOf(programs), orderedRegions, otherPrefectureUnits,
				List.copyOf(tree.all()), clusters, resolution.possibleMatches(), fingerprint);
		return new Outcome(graph, ResolutionReport.of(graph, gazetteer));
	}

	/**
	 * A list's province that names none would place its entries without the province
	 * around them, so that a county of the same name elsewhere could take them.
	 */
	private static void checkProvinces(List<ProgramDescriptor> descriptors, Gazetteer gazetteer) {
		List<SourceProblem> problems = new ArrayList<>();
		for (ProgramDescriptor descriptor : descriptors) {
			String code = descriptor.contextProvince();
			Place province = (code != null) ? gazetteer.find(code) : null;
			if (code != null && (province == null || province.level() != Place.Level.PROVINCE)) {
				problems.add(new SourceProblem(ProgramCatalog.FILE, 0,
						"program '" + descriptor.key() + "': 'contextProvince' is '" + code
								+ "', which is no province of regions-nbs-2023.csv; "
								+ "write its two-digit code, such as 33 for 浙江省"));
			}
		}
		if (!problems.isEmpty()) {
			throw new SourceException(problems);
		}
	}

	private String text(String path) {
		return this.files.text(path);
	}

	private List<Csv.Row> table(String path, String... columns) {
		return Csv.read(path, this.files.lines(path), columns);
	}

	/**
	 * A table of the project's own decisions, each of which must say why (or, for a zone,
	 * where it comes from): a row without is refused, naming its line.
	 */
	private List<Csv.Row> curated(String path, String why, String... columns) {
		String[] all = Arrays.copyOf(columns, columns.length + 1);
		all[columns.length] = why;
		List<Csv.Row> rows = table(path, all);
		List<SourceProblem> problems = new ArrayList<>();
		for (Csv.Row row : rows) {
			if (row.get(why).isBlank()) {
				problems.add(row.problem("'" + why + "' is empty: each row of this table says "
						+ ("source".equals(why) ? "where it comes from" : "why it is there")));
			}
		}
		if (!problems.isEmpty()) {
			throw new SourceException(problems);
		}
		return rows;
	}

	/**
	 * The resolved graph and its report.
	 *
	 * @param graph what to write
	 * @param report the resolution report
	 */
	public record Outcome(ResolvedGraph graph, ResolutionReport report) {
	}

}
