package org.clustergraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.clustergraph.bench.GeneratorPhrases.Phrase;
import org.clustergraph.bench.GeneratorRegions.Level;
import org.clustergraph.bench.GeneratorRegions.Region;
import org.clustergraph.ingest.internal.ProgramCatalog;
import org.clustergraph.ingest.internal.ResolutionPipeline;

/**
 * Writes a synthetic {@code seeds/} directory of cluster lists, with the truth beside it,
 * for measuring resolution at scale. Deterministic: the same size and seed number give
 * the same bytes.
 *
 * <p>
 * The directory holds the documents, {@code reference/programs.json} describing each list
 * in the formats the parser reads, and a copy of every other reference table the loader
 * reads, so that it loads as it is with {@code CLUSTERGRAPH_SEEDS_DIR}. Beside them,
 * {@code truth.csv} gives every listing's document and line, its cluster, the region its
 * name and list mean, the GB/T 4754-2017 class its phrase was taken for, and how it was
 * written; {@code summary.txt} the counts.
 *
 * <p>
 * The lists: the MIIT SME list in yearly editions, names with the full path down to the
 * county ("江苏省扬州市邗江区数控成形机床产业集群"); 科技部 batches, names with a prefecture's short name, a
 * county's alone, a zone's, or a province's ("扬州数控成形机床创新型产业集群"); a list per province and
 * edition, with a region column or under prefecture headings, naming the prefecture, a
 * county, a town or no place at all. Place words are written only where a reader of the
 * list could read them one way (given the list's context and the words before, and with
 * no longer region name starting at the same character), except that a national list
 * writes a prefecture's short name also where lower-level regions share it (中山 beside
 * 大连's 中山区: style {@code most-prefecture-shared}).
 *
 * <p>
 * A fifth of the clusters appear on several lists, at the place granularity each list
 * uses, with the same phrase, a lengthened one (伞业, ...制造), a modified one (智能..., 高端...)
 * or a synonym: another phrase of the same class that shares a word with it (人造草坪, 仿真草坪).
 * Clusters live in counties, county-less prefectures and development zones; counties
 * whose names other regions share (朝阳区, 鼓楼区) are drawn more often than their number. Two
 * clusters of one class share a prefecture-level unit only when the unit has no class
 * left ("twins", counted in the summary), since no name could tell them apart.
 */
public final class ListGenerator {

	private static final String USAGE = """
			Usage: bench/generate.sh SIZE SEED OUTDIR
			  SIZE   x10, x100 or x1000: about 6,400, 64,000 or 640,000 listings (x1, about 640, for tests)
			  SEED   a whole number; the same size and seed give the same bytes
			  OUTDIR the directory to write (created; must be empty or absent)
			""";

	private static final Pattern HEADING_NAME = Pattern.compile(".+(?:市|州|林区|地区|盟)$");

	/** The share of clusters meant to appear on several lists. */
	static final double MULTI_SHARE = 0.2;

	private final SplittableRandom random;

	private final GeneratorRegions regions;

	private final GeneratorPhrases phrases;

	private final int factor;

	private final long seed;

	private final List<ListSpec> lists = new ArrayList<>();

	private final List<Cluster> clusters = new ArrayList<>();

	private final Map<String, Set<String>> classesInUnit = new HashMap<>();

	private final Map<String, Pools> pools = new TreeMap<>();

	private final Pools national = new Pools();

	private int twins;

	private final List<String> unclear = new ArrayList<>();

	private ListGenerator(int factor, long seed, GeneratorRegions regions, GeneratorPhrases phrases) {
		this.factor = factor;
		this.seed = seed;
		this.random = new SplittableRandom(seed);
		this.regions = regions;
		this.phrases = phrases;
	}

	/**
	 * Generates a directory.
	 * @param args size, seed and output directory; optionally the seeds directory to read
	 * the reference tables from ({@code seeds} by default)
	 */
	public static void main(String[] args) {
		if (args.length < 3 || args.length > 4) {
			System.err.print(USAGE);
			System.exit(2);
		}
		int factor;
		long seed;
		try {
			factor = factor(args[0]);
			seed = Long.parseLong(args[1]);
		}
		catch (IllegalArgumentException ex) {
			System.err.println((ex instanceof NumberFormatException)
					? "SEED must be a whole number, not '" + args[1] + "'" : ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		Path out = Path.of(args[2]);
		if (Files.exists(out) && !isEmptyDirectory(out)) {
			System.err.println(out + " exists and is not an empty directory");
			System.exit(2);
		}
		Path seeds = Path.of((args.length == 4) ? args[3] : "seeds");
		long started = System.nanoTime();
		Summary summary = generate(factor, seed, seeds, out);
		System.out.print(summary.text());
		System.out.printf(Locale.ROOT, "written to %s in %.1f s%n", args[2], (System.nanoTime() - started) / 1e9);
	}

	private static boolean isEmptyDirectory(Path path) {
		if (!Files.isDirectory(path)) {
			return false;
		}
		try (var entries = Files.list(path)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The factor a size names.
	 * @param size {@code x1}, {@code x10}, {@code x100} or {@code x1000}
	 * @return 1, 10, 100 or 1000
	 */
	static int factor(String size) {
		return switch (size) {
			case "x1" -> 1;
			case "x10" -> 10;
			case "x100" -> 100;
			case "x1000" -> 1000;
			default -> throw new IllegalArgumentException(
					"SIZE must be x10, x100 or x1000 (x1 for tests), not '" + size + "'");
		};
	}

	/**
	 * Generates a directory.
	 * @param factor the size: about 640 listings times this
	 * @param seed the seed number
	 * @param seeds the seeds directory whose reference tables are read and copied
	 * @param out the directory to write; created, and refused when it holds anything
	 * @return what was written
	 */
	static Summary generate(int factor, long seed, Path seeds, Path out) {
		Path reference = seeds.resolve("reference");
		GeneratorRegions regions = GeneratorRegions.read(reference);
		GeneratorPhrases phrases = GeneratorPhrases.read(reference, regions);
		ListGenerator generator = new ListGenerator(factor, seed, regions, phrases);
		generator.plan();
		generator.fill();
		generator.name();
		try {
			if (Files.exists(out) && !isEmptyDirectory(out)) {
				throw new IllegalArgumentException(out + " exists and is not an empty directory");
			}
			Files.createDirectories(out.resolve("reference"));
			for (String table : ResolutionPipeline.TABLES) {
				if (!table.equals(ProgramCatalog.FILE)) {
					Files.copy(seeds.resolve(table), out.resolve(table));
				}
			}
			Summary summary = generator.write(out);
			Files.writeString(out.resolve("summary.txt"), summary.text(), StandardCharsets.UTF_8);
			return summary;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---------------------------------------------------------------- the lists

	private void plan() {
		for (Region region : this.regions.all()) {
			boolean home = switch (region.level()) {
				case COUNTY -> region.kind().isEmpty();
				case PREFECTURE -> this.regions.children(region).stream().noneMatch((c) -> c.level() == Level.COUNTY);
				case ZONE -> true;
				default -> false;
			};
			if (!home) {
				continue;
			}
			Pools province = this.pools.computeIfAbsent(this.regions.province(region).code(), (p) -> new Pools());
			for (Pools pool : List.of(province, this.national)) {
				if (region.level() == Level.ZONE) {
					pool.zones.add(region);
				}
				else if (this.regions.sharesName(region)) {
					pool.traps.add(region);
				}
				else {
					pool.plain.add(region);
				}
			}
		}
		int total = 640 * this.factor;
		int editions = switch (this.factor) {
			case 1 -> 2;
			case 10 -> 4;
			case 100 -> 8;
			default -> 16;
		};
		int miit = Math.round(0.3f * total / editions);
		for (int e = 0; e < editions; e++) {
			this.lists.add(new ListSpec(Kind.MIIT, "miit-sme", 2022 + e, null, miit, false));
		}
		for (int b = 1; b <= editions; b++) {
			this.lists.add(new ListSpec(Kind.MOST, String.format(Locale.ROOT, "most-batch-%02d", b), b, null,
					Math.round(0.1f * total / editions), false));
		}
		int provincialEditions = switch (this.factor) {
			case 1 -> 1;
			case 10 -> 2;
			case 100 -> 4;
			default -> 8;
		};
		double weights = this.pools.values().stream().mapToInt(Pools::weight).sum();
		for (Map.Entry<String, Pools> entry : this.pools.entrySet()) {
			Region province = this.regions.get(entry.getKey());
			boolean headings = this.random.nextBoolean()
					&& units(province).stream().allMatch((u) -> HEADING_NAME.matcher(u.name()).matches());
			int size = (int) Math.max(5,
					Math.round(0.6 * total / provincialEditions * entry.getValue().weight() / weights));
			for (int e = 0; e < provincialEditions; e++) {
				int year = 2023 - 2 * (provincialEditions - 1 - e);
				this.lists.add(new ListSpec(Kind.PROVINCIAL, "prov-" + province.code().substring(0, 2) + "-" + year,
						year, province, size, headings));
			}
		}
	}

	/**
	 * The prefecture-level units of a province: a municipality itself, else its
	 * prefectures and the county-level units directly under it.
	 */
	private List<Region> units(Region province) {
		if (this.regions.municipality(province)) {
			return List.of(province);
		}
		return this.regions.children(province)
			.stream()
			.filter((r) -> r.level() == Level.PREFECTURE || r.level() == Level.COUNTY)
			.toList();
	}

	private void fill() {
		int total = this.lists.stream().mapToInt((l) -> l.capacity).sum();
		int multi = (int) Math.round(total * MULTI_SHARE / (1 + MULTI_SHARE * 1.5));
		int made = 0;
		int attempts = 0;
		while (made < multi && attempts < multi * 20) {
			attempts++;
			Region home = home(this.national);
			String province = this.regions.province(home).code();
			List<ListSpec> eligible = new ArrayList<>();
			for (ListSpec list : this.lists) {
				if (list.kind == Kind.PROVINCIAL && list.province.code().equals(province) && list.openForMulti()) {
					eligible.add(list);
				}
			}
			for (Kind kind : List.of(Kind.MIIT, Kind.MOST)) {
				List<ListSpec> open = this.lists.stream().filter((l) -> l.kind == kind && l.openForMulti()).toList();
				if (!open.isEmpty()) {
					eligible.add(open.get(this.random.nextInt(open.size())));
				}
			}
			double draw = this.random.nextDouble();
			int appearances = (draw < 0.6) ? 2 : (draw < 0.9) ? 3 : 4;
			appearances = Math.min(appearances, eligible.size());
			if (appearances < 2) {
				continue;
			}
			shuffle(eligible);
			Cluster cluster = cluster(home);
			for (ListSpec list : eligible.subList(0, appearances)) {
				list.add(new Listing(cluster, list));
				list.multi++;
			}
			made++;
		}
		for (ListSpec list : this.lists) {
			Pools pool = (list.province != null) ? this.pools.get(list.province.code()) : this.national;
			while (list.listings.size() < list.capacity) {
				list.add(new Listing(cluster(home(pool)), list));
			}
		}
	}

	private Region home(Pools pool) {
		double draw = this.random.nextDouble();
		List<Region> from = (draw < 0.03 && !pool.zones.isEmpty()) ? pool.zones
				: (draw < 0.18 && !pool.traps.isEmpty()) ? pool.traps : pool.plain;
		return from.get(this.random.nextInt(from.size()));
	}

	private Cluster cluster(Region home) {
		Region unit = this.regions.prefectureUnit(home);
		Set<String> used = this.classesInUnit.computeIfAbsent(unit.code(), (u) -> new HashSet<>());
		List<Phrase> all = this.phrases.all();
		Phrase phrase = null;
		for (int attempt = 0; attempt < 40; attempt++) {
			phrase = all.get(this.random.nextInt(all.size()));
			if (!used.contains(phrase.classCode())) {
				break;
			}
		}
		if (!used.add(phrase.classCode())) {
			this.twins++;
		}
		Cluster cluster = new Cluster(String.format(Locale.ROOT, "C%07d", this.clusters.size() + 1), home, phrase);
		this.clusters.add(cluster);
		return cluster;
	}

	// ---------------------------------------------------------------- the names

	private void name() {
		for (ListSpec list : this.lists) {
			for (Listing listing : list.listings) {
				listing.cluster.listings.add(listing);
			}
		}
		for (Cluster cluster : this.clusters) {
			int base = this.random.nextInt(cluster.listings.size());
			for (int i = 0; i < cluster.listings.size(); i++) {
				Listing listing = cluster.listings.get(i);
				listing.suffix = suffix(listing.list.kind);
				if (i == base) {
					listing.variant = "first";
					listing.phrase = cluster.phrase.text();
				}
				else {
					variant(listing);
				}
				place(listing);
			}
		}
	}

	private String suffix(Kind kind) {
		return switch (kind) {
			case MIIT -> "产业集群";
			case MOST -> "创新型产业集群";
			case PROVINCIAL -> pick(new String[] { "产业集群", "集群", "产业群", "特色产业集群", "创新型产业集群" },
					new double[] { 0.6, 0.12, 0.08, 0.1, 0.1 });
		};
	}

	private void variant(Listing listing) {
		Phrase base = listing.cluster.phrase;
		String kind = pick(new String[] { "same", "tail", "modifier", "synonym" },
				new double[] { 0.35, 0.15, 0.2, 0.3 });
		if (kind.equals("synonym")) {
			List<Phrase> others = this.phrases.of(base.classCode())
				.stream()
				.filter((p) -> !p.text().equals(base.text()) && GeneratorPhrases.shareAWord(p.text(), base.text()))
				.toList();
			if (!others.isEmpty()) {
				listing.variant = "synonym";
				listing.phrase = others.get(this.random.nextInt(others.size())).text();
				return;
			}
			kind = "modifier";
		}
		if (kind.equals("modifier")) {
			String modifier = GeneratorPhrases.MODIFIERS.get(this.random.nextInt(GeneratorPhrases.MODIFIERS.size()));
			boolean modified = GeneratorPhrases.MODIFIERS.stream().anyMatch((m) -> base.text().startsWith(m));
			if (!modified && GeneratorPhrases.usable(modifier + base.text(), this.regions)) {
				listing.variant = "modifier";
				listing.phrase = modifier + base.text();
				return;
			}
			kind = "tail";
		}
		if (kind.equals("tail")) {
			List<String> tails = new ArrayList<>();
			if (listing.suffix.equals("集群")) {
				tails.add("产业");
			}
			if (this.phrases.section(base.classCode()).equals("C") && !base.text().endsWith("制造")) {
				tails.add("制造");
				if (base.text().length() <= 2) {
					tails.add("业");
				}
			}
			if (!tails.isEmpty()) {
				listing.variant = "tail";
				listing.phrase = base.text() + tails.get(this.random.nextInt(tails.size()));
				return;
			}
		}
		listing.variant = "same";
		listing.phrase = base.text();
	}

	/** Chooses the place words of a listing, the region they mean and its context. */
	private void place(Listing listing) {
		Region home = listing.cluster.home;
		Region province = this.regions.province(home);
		Region unit = this.regions.prefectureUnit(home);
		List<Option> options = new ArrayList<>();
		Region context = null;
		switch (listing.list.kind) {
			case MIIT -> {
				List<Region> chain = this.regions.chain(home);
				if (home.level() == Level.ZONE
						|| (chain.size() == 3 && !home.name().endsWith("区") && this.random.nextBoolean())) {
					options.add(new Option("miit-path", home, List.of(province.name(), home.name()),
							List.of(province, home)));
				}
				options.add(new Option("miit-path", home, chain.stream().map(Region::name).toList(), chain));
			}
			case MOST -> {
				double draw = this.random.nextDouble();
				if (home.level() == Level.ZONE) {
					options.addAll(zoneOptions("most-zone", home));
				}
				else if (draw < 0.15 && home.level() == Level.COUNTY && !unit.equals(home)) {
					options.addAll(spellings("most-county", home));
				}
				else if (draw < 0.18 && listing.cluster.listings.size() == 1) {
					options.addAll(spellings("most-province", province));
				}
				List<String> spellings = spellingsOf(unit);
				options.add(new Option("most-prefecture", unit, List.of(spellings.get(0)), List.of(unit)));
				options.add(new Option("most-prefecture-shared", unit, List.of(spellings.get(0)), List.of(unit)));
				options.addAll(spellings("most-prefecture", unit));
				if (!unit.equals(province)) {
					options.add(new Option("most-prefecture", unit, List.of(province.shortName(), unit.name()),
							List.of(province, unit)));
				}
			}
			case PROVINCIAL -> {
				context = unit;
				double draw = this.random.nextDouble();
				boolean county = home.level() == Level.COUNTY && !unit.equals(home);
				if (home.level() == Level.ZONE) {
					options.addAll(zoneOptions("prov-zone", home));
				}
				else if (draw < 0.12) {
					options.add(new Option("prov-none", unit, List.of(), List.of()));
				}
				else if (draw < 0.2 && county) {
					if (listing.cluster.towns == null) {
						List<Region> towns = new ArrayList<>(this.regions.children(home)
							.stream()
							.filter((t) -> Set.of("TOWN", "TOWNSHIP", "TOWN_LIKE").contains(t.kind()))
							.toList());
						shuffle(towns);
						listing.cluster.towns = towns.subList(0, Math.min(5, towns.size()));
					}
					listing.cluster.towns.forEach((t) -> options.addAll(spellings("prov-town", t)));
				}
				if (draw >= 0.12 && draw < 0.55 && county) {
					if (listing.list.headings) {
						options.add(new Option("prov-county", home, List.of(unit.name(), home.name()),
								List.of(unit, home)));
						options.add(new Option("prov-county", home, List.of(home.name()), List.of(home)));
					}
					else {
						if (this.random.nextBoolean()) {
							options.add(new Option("prov-county", home,
									List.of(spellingsOf(unit).get(0), spellingsOf(home).get(0)), List.of(unit, home)));
						}
						options.addAll(spellings("prov-county", home));
					}
				}
				List<Option> prefecture = spellings("prov-prefecture", unit);
				if (listing.list.headings && this.random.nextBoolean()) {
					prefecture = prefecture.reversed();
				}
				options.addAll(prefecture);
			}
		}
		listing.context = context;
		for (Option option : options) {
			if (clear(option, listing, context)) {
				listing.apply(option);
				if (option.style().equals("prov-town")) {
					// a cluster named after a town is named after that town on every list
					listing.cluster.towns = List.of(option.meant());
				}
				return;
			}
		}
		listing.apply(options.get(options.size() - 1));
		this.unclear.add(listing.name);
	}

	/** A zone's name: through a curated alias (苏州高新区, 东湖高新区), or its own name. */
	private List<Option> zoneOptions(String style, Region zone) {
		List<Option> options = new ArrayList<>();
		for (GeneratorRegions.Alias alias : this.regions.aliasesOf(zone)) {
			if (alias.scope() == null) {
				options.add(new Option(style, zone, List.of(alias.text()), List.of(zone)));
			}
			else {
				for (String spelling : spellingsOf(alias.scope())) {
					options.add(new Option(style, zone, List.of(spelling, alias.text()), List.of(alias.scope(), zone)));
				}
			}
		}
		options.add(this.random.nextBoolean() ? 0 : options.size(),
				new Option(style, zone, List.of(zone.name()), List.of(zone)));
		return options;
	}

	/** A region written with its short name, else with its full name. */
	private List<Option> spellings(String style, Region region) {
		return spellingsOf(region).stream().map((s) -> new Option(style, region, List.of(s), List.of(region))).toList();
	}

	private static List<String> spellingsOf(Region region) {
		return GeneratorRegions.spellings(region);
	}

	/** Whether a reader of the list would read each of an option's words as meant. */
	private boolean clear(Option option, Listing listing, @Nullable Region context) {
		if (option.words().stream().anyMatch(String::isEmpty)) {
			return false;
		}
		String text = String.join("", option.words()) + listing.phrase + listing.suffix;
		Region scope = context;
		int at = 0;
		for (int i = 0; i < option.words().size(); i++) {
			String word = option.words().get(i);
			Region meant = option.named().get(i);
			if (!this.regions.reads(text, at, word, meant, scope, option.style().endsWith("-shared"))) {
				return false;
			}
			if (scope == null || !this.regions.within(scope, meant)) {
				scope = meant;
			}
			at += word.length();
		}
		return true;
	}

	// ---------------------------------------------------------------- writing

	private Summary write(Path out) throws IOException {
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		ObjectNode root = json.createObjectNode();
		root.put("_comment",
				"Synthetic lists written by bench/generate.sh (size x" + this.factor + ", seed " + this.seed
						+ ") for measuring resolution at scale; truth.csv beside this directory's documents "
						+ "says what every listing means. Not real lists.");
		ArrayNode programs = root.putArray("programs");
		StringBuilder truth = new StringBuilder(
				"document,line,program,year,rank,name,cluster,region,region_level,home,class,phrase_source,variant,style,shared_name\n");
		writeMiit(out, programs, truth);
		writeMost(out, programs, truth);
		Map<Region, List<ListSpec>> byProvince = new LinkedHashMap<>();
		for (ListSpec list : this.lists) {
			if (list.kind == Kind.PROVINCIAL) {
				byProvince.computeIfAbsent(list.province, (p) -> new ArrayList<>()).add(list);
			}
		}
		byProvince.forEach((province, editions) -> writeProvince(out, province, editions, programs, truth));
		Files.writeString(out.resolve(ProgramCatalog.FILE), json.writeValueAsString(root) + "\n",
				StandardCharsets.UTF_8);
		Files.writeString(out.resolve("truth.csv"), truth.toString(), StandardCharsets.UTF_8);
		return summary();
	}

	private void writeMiit(Path out, ArrayNode programs, StringBuilder truth) {
		List<ListSpec> editions = this.lists.stream().filter((l) -> l.kind == Kind.MIIT).toList();
		Document document = new Document("miit-sme.txt");
		document.line(editions.get(0).year + "—" + editions.get(editions.size() - 1).year + " 年度中小企业特色产业集群名单");
		document.line("总序号 集群名称 年度 序号");
		int sequence = 0;
		for (ListSpec edition : editions) {
			List<Listing> ordered = byProvinceShuffled(edition.listings);
			for (int i = 0; i < ordered.size(); i++) {
				Listing listing = ordered.get(i);
				document.line("");
				sequence++;
				listing.rank = i + 1;
				listing.line = document.line(sequence + " " + listing.name + " " + edition.year + " " + listing.rank);
				listing.document = document.name;
			}
		}
		document.write(out);
		ObjectNode program = programs.addObject();
		program.put("key", "miit-sme");
		program.put("name", "中小企业特色产业集群");
		program.put("issuer", "工业和信息化部");
		program.put("level", "NATIONAL");
		program.put("document", document.name);
		program.put("start", "年度中小企业特色产业集群名单$");
		program.putNull("end");
		program.put("format", "SEQUENCE_NAME_YEAR_RANK");
		program.put("perEdition", editions.get(0).capacity);
		program.put("context", "NONE");
		editions.forEach((e) -> e.listings.forEach((l) -> truth.append(l.truth())));
	}

	private void writeMost(Path out, ArrayNode programs, StringBuilder truth) {
		List<ListSpec> batches = this.lists.stream().filter((l) -> l.kind == Kind.MOST).toList();
		Document document = new Document("most-batches.txt");
		document.line("科技部创新型产业集群名单（合成）");
		for (int b = 0; b < batches.size(); b++) {
			ListSpec batch = batches.get(b);
			List<Listing> ordered = new ArrayList<>(batch.listings);
			shuffle(ordered);
			document.line("科技部创新型产业集群（第" + batch.year + "批）名单（" + ordered.size() + "个）");
			document.line("\t序号");
			document.line("\t产业集群名称");
			for (int i = 0; i < ordered.size(); i++) {
				Listing listing = ordered.get(i);
				listing.rank = i + 1;
				document.line("");
				document.line("\t" + listing.rank);
				listing.line = document.line("\t" + listing.name);
				listing.document = document.name;
			}
			document.line("");
			ObjectNode program = programs.addObject();
			program.put("key", batch.key);
			program.put("name", "创新型产业集群（第" + batch.year + "批）");
			program.put("issuer", "科学技术部");
			program.put("level", "NATIONAL");
			program.put("document", document.name);
			program.put("start", "^科技部创新型产业集群\\(第" + batch.year + "批\\)名单");
			if (b + 1 < batches.size()) {
				program.put("end", "^科技部创新型产业集群\\(第" + batches.get(b + 1).year + "批\\)名单");
			}
			else {
				program.putNull("end");
			}
			program.put("format", "RANK_THEN_NAME");
			program.put("countInHeading", "[（(](\\d+)个[)）]");
			program.put("context", "NONE");
			ordered.forEach((l) -> truth.append(l.truth()));
		}
		document.write(out);
	}

	private void writeProvince(Path out, Region province, List<ListSpec> editions, ArrayNode programs,
			StringBuilder truth) {
		String code = province.code().substring(0, 2);
		Document document = new Document("province-" + code + ".txt");
		for (int e = 0; e < editions.size(); e++) {
			ListSpec edition = editions.get(e);
			String title = province.name() + edition.year + "年";
			document.line(title + edition.listings.size() + "个重点产业集群名单");
			List<Listing> ordered;
			if (edition.headings) {
				Map<String, List<Listing>> byHeading = new TreeMap<>();
				edition.listings
					.forEach((l) -> byHeading.computeIfAbsent(l.context.code(), (c) -> new ArrayList<>()).add(l));
				ordered = new ArrayList<>();
				int rank = 0;
				for (List<Listing> group : byHeading.values()) {
					shuffle(group);
					document.line(group.get(0).context.name() + "：");
					for (Listing listing : group) {
						listing.rank = ++rank;
						listing.line = document.line(listing.rank + "." + listing.name);
						listing.document = document.name;
						ordered.add(listing);
					}
				}
			}
			else {
				ordered = new ArrayList<>(edition.listings);
				shuffle(ordered);
				document.line("\t序号");
				document.line("\t产业集群名称");
				document.line("\t所在区域");
				for (int i = 0; i < ordered.size(); i++) {
					Listing listing = ordered.get(i);
					listing.rank = i + 1;
					document.line("");
					document.line("\t" + listing.rank);
					listing.line = document.line("\t" + listing.name);
					listing.document = document.name;
					document.line("\t" + province.shortName() + "," + listing.context.name());
				}
			}
			document.line("");
			ObjectNode program = programs.addObject();
			program.put("key", edition.key);
			program.put("name", province.name() + "重点产业集群（" + edition.year + "年）");
			program.putNull("issuer");
			program.put("level", "PROVINCIAL");
			program.put("document", document.name);
			program.put("start", "^" + title + "\\d+个重点产业集群名单");
			if (e + 1 < editions.size()) {
				program.put("end", "^" + province.name() + editions.get(e + 1).year + "年\\d+个重点产业集群名单");
			}
			else {
				program.putNull("end");
			}
			program.put("format", edition.headings ? "NUMBERED_UNDER_HEADINGS" : "RANK_NAME_REGION");
			program.put("countInHeading", "年(\\d+)个重点产业集群名单");
			program.put("context", edition.headings ? "HEADING" : "REGION_COLUMN");
			program.put("contextProvince", code);
			ordered.forEach((l) -> truth.append(l.truth()));
		}
		document.write(out);
	}

	/** Listings ordered by province, as the MIIT list is, and at random inside each. */
	private List<Listing> byProvinceShuffled(List<Listing> listings) {
		Map<String, List<Listing>> byProvince = new TreeMap<>();
		for (Listing listing : listings) {
			byProvince.computeIfAbsent(this.regions.province(listing.cluster.home).code(), (p) -> new ArrayList<>())
				.add(listing);
		}
		List<Listing> ordered = new ArrayList<>();
		for (List<Listing> group : byProvince.values()) {
			shuffle(group);
			ordered.addAll(group);
		}
		return ordered;
	}

	private Summary summary() {
		int listings = this.lists.stream().mapToInt((l) -> l.listings.size()).sum();
		long multi = this.clusters.stream().filter((c) -> c.listings.size() > 1).count();
		long traps = this.clusters.stream().filter((c) -> this.regions.sharesName(c.home)).count();
		Map<String, Integer> styles = new TreeMap<>();
		Map<String, Integer> variants = new TreeMap<>();
		for (ListSpec list : this.lists) {
			for (Listing listing : list.listings) {
				styles.merge(listing.style, 1, Integer::sum);
				variants.merge(listing.variant, 1, Integer::sum);
			}
		}
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "size x%d, seed %d%n", this.factor, this.seed));
		text.append(String.format(Locale.ROOT, "lists %d (MIIT editions %d, 科技部 batches %d, provincial %d)%n",
				this.lists.size(), this.lists.stream().filter((l) -> l.kind == Kind.MIIT).count(),
				this.lists.stream().filter((l) -> l.kind == Kind.MOST).count(),
				this.lists.stream().filter((l) -> l.kind == Kind.PROVINCIAL).count()));
		text.append(String.format(Locale.ROOT, "listings %d, clusters %d, on several lists %d (%.1f%%)%n", listings,
				this.clusters.size(), multi, 100.0 * multi / this.clusters.size()));
		text.append(String.format(Locale.ROOT,
				"clusters in a region whose name another region shares %d (%.1f%%); twins (a class repeated in a "
						+ "prefecture-level unit) %d; names written although a word could be read another way %d%n",
				traps, 100.0 * traps / this.clusters.size(), this.twins, this.unclear.size()));
		if (!this.unclear.isEmpty()) {
			text.append("  such as ").append(this.unclear.stream().limit(10).toList()).append('\n');
		}
		text.append("listings by style ").append(styles).append('\n');
		text.append("listings by phrase variant ").append(variants).append('\n');
		text.append(String.format(Locale.ROOT, "phrases available %d of %d classes%n", this.phrases.all().size(),
				this.phrases.all().stream().map(Phrase::classCode).distinct().count()));
		return new Summary(listings, this.clusters.size(), (int) multi, text.toString());
	}

	// ---------------------------------------------------------------- helpers

	private String pick(String[] values, double[] weights) {
		double draw = this.random.nextDouble();
		for (int i = 0; i < values.length - 1; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	private <T> void shuffle(List<T> list) {
		for (int i = list.size() - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			T swap = list.get(i);
			list.set(i, list.get(j));
			list.set(j, swap);
		}
	}

	/**
	 * What a generation wrote.
	 *
	 * @param listings the listings
	 * @param clusters the clusters
	 * @param multiListed the clusters on several lists
	 * @param text the summary as printed
	 */
	record Summary(int listings, int clusters, int multiListed, String text) {
	}

	private enum Kind {

		MIIT, MOST, PROVINCIAL

	}

	/** Where homes are drawn from: plain counties, counties with shared names, zones. */
	private static final class Pools {

		final List<Region> plain = new ArrayList<>();

		final List<Region> traps = new ArrayList<>();

		final List<Region> zones = new ArrayList<>();

		int weight() {
			return this.plain.size() + this.traps.size();
		}

	}

	private static final class ListSpec {

		final Kind kind;

		final String key;

		final int year;

		final @Nullable Region province;

		final int capacity;

		final boolean headings;

		final List<Listing> listings = new ArrayList<>();

		int multi;

		ListSpec(Kind kind, String key, int year, @Nullable Region province, int capacity, boolean headings) {
			this.kind = kind;
			this.key = key;
			this.year = year;
			this.province = province;
			this.capacity = capacity;
			this.headings = headings;
		}

		boolean openForMulti() {
			return this.multi < 0.6 * this.capacity && this.listings.size() < this.capacity;
		}

		void add(Listing listing) {
			this.listings.add(listing);
		}

	}

	private static final class Cluster {

		final String id;

		final Region home;

		final Phrase phrase;

		final List<Listing> listings = new ArrayList<>();

		/** The towns a list may name it after; the one town once a list has. */
		@Nullable List<Region> towns;

		Cluster(String id, Region home, Phrase phrase) {
			this.id = id;
			this.home = home;
			this.phrase = phrase;
		}

	}

	/**
	 * A way to write a listing's place.
	 *
	 * @param style the style's name, as the truth gives it
	 * @param meant the region the name and its list mean
	 * @param words the place words, in order
	 * @param named the region each word names
	 */
	private record Option(String style, Region meant, List<String> words, List<Region> named) {
	}

	private final class Listing {

		final Cluster cluster;

		final ListSpec list;

		String variant = "";

		String phrase = "";

		String suffix = "";

		String style = "";

		String name = "";

		@Nullable Region region;

		@Nullable Region context;

		String document = "";

		int rank;

		int line;

		Listing(Cluster cluster, ListSpec list) {
			this.cluster = cluster;
			this.list = list;
		}

		void apply(Option option) {
			this.style = option.style();
			this.region = option.meant();
			this.name = String.join("", option.words()) + this.phrase + this.suffix;
		}

		String truth() {
			Region region = this.region;
			return String.join(",", this.document, Integer.toString(this.line), this.list.key,
					(this.list.kind == Kind.MIIT) ? Integer.toString(this.list.year) : "", Integer.toString(this.rank),
					this.name, this.cluster.id, region.code(), region.level().name(), this.cluster.home.code(),
					this.cluster.phrase.classCode(), this.cluster.phrase.source(), this.variant, this.style,
					Boolean.toString(ListGenerator.this.regions.sharesName(this.cluster.home))) + "\n";
		}

	}

	/** A document being written, line by line. */
	private static final class Document {

		final String name;

		final StringBuilder text = new StringBuilder();

		int lines;

		Document(String name) {
			this.name = name;
		}

		/** Appends a line and returns its 1-based number. */
		int line(String line) {
			this.text.append(line).append('\n');
			return ++this.lines;
		}

		void write(Path out) {
			try {
				Files.writeString(out.resolve(this.name), this.text.toString(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
