package org.clustergraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.JMException;
import javax.management.ObjectName;

import org.clustergraph.ingest.internal.Csv;
import org.clustergraph.ingest.internal.Decision;
import org.clustergraph.ingest.internal.DirectorySeedFiles;
import org.clustergraph.ingest.internal.Gazetteer;
import org.clustergraph.ingest.internal.IdentityResolver;
import org.clustergraph.ingest.internal.IndustryClassifier;
import org.clustergraph.ingest.internal.IndustryTree;
import org.clustergraph.ingest.internal.ListingParser;
import org.clustergraph.ingest.internal.Place;
import org.clustergraph.ingest.internal.PlaceResolver;
import org.clustergraph.ingest.internal.ProgramCatalog;
import org.clustergraph.ingest.internal.ProgramDescriptor;
import org.clustergraph.ingest.internal.RawListing;
import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedListing;
import org.clustergraph.ingest.internal.SeedFiles;

/**
 * Runs the project's resolution over a directory that {@link ListGenerator} wrote, in
 * process and without a database, and compares it with the directory's {@code truth.csv}:
 * the time of each phase, the heap, and how right placement, industry and identity are.
 *
 * <p>
 * The phases are the steps of {@code ResolutionPipeline.run()}, in its order and with its
 * classes: reading the tables and building the resolvers, parsing every list, placing
 * every listing, classifying its industry phrase, and resolving identities. (The industry
 * overrides table, empty in a generated directory, and the resolution report are left
 * out.)
 * <ul>
 * <li>Placement is right when a listing is placed in exactly the region its name and list
 * mean (the county, or the prefecture, town, zone or province the name gives).</li>
 * <li>Industry is right when the listing has industries and each lies in the division of
 * the class its phrase was taken for, as {@code HeldOutLists} counts it.</li>
 * <li>Identity is compared pair by pair: two listings are a pair of the resolution when
 * it puts them in one cluster, and of the truth when the generator made them for one.
 * Precision is the share of the resolution's pairs that the truth has, recall the share
 * of the truth's pairs that the resolution has.</li>
 * </ul>
 * Run it with {@code bench/resolution-scale.sh SIZE SEED}.
 */
public final class ResolutionAtScale {

	private static final String USAGE = """
			Usage: ResolutionAtScale DIR [--examples=N] [--no-identity]
			  DIR            a directory written by bench/generate.sh
			  --examples=N   how many misses of each kind to print (10)
			  --no-identity  stop before identity resolution (prints the pairs it would score)
			  --histogram=N  after each phase, print the N classes that hold the most of the live heap
			""";

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final AtomicLong peak = new AtomicLong();

	private final Map<String, Long> phases = new LinkedHashMap<>();

	private final Map<String, Long> cpu = new LinkedHashMap<>();

	private final com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long cpuAtStart;

	private int histogram;

	private final Map<String, Long> liveAfter = new LinkedHashMap<>();

	private ResolutionAtScale() {
	}

	/**
	 * Measures one directory.
	 * @param args the directory and options
	 */
	public static void main(String[] args) {
		if (args.length < 1 || args[0].startsWith("-")) {
			System.err.print(USAGE);
			System.exit(2);
		}
		int examples = 10;
		boolean identity = true;
		int histogram = 0;
		for (int i = 1; i < args.length; i++) {
			if (args[i].startsWith("--examples=")) {
				examples = Integer.parseInt(args[i].substring("--examples=".length()));
			}
			else if (args[i].equals("--no-identity")) {
				identity = false;
			}
			else if (args[i].startsWith("--histogram=")) {
				histogram = Integer.parseInt(args[i].substring("--histogram=".length()));
			}
			else {
				System.err.print(USAGE);
				System.exit(2);
			}
		}
		ResolutionAtScale measurement = new ResolutionAtScale();
		measurement.histogram = histogram;
		measurement.run(Path.of(args[0]), examples, identity);
	}

	private void run(Path directory, int examples, boolean runIdentity) {
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				this.peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		SeedFiles files = DirectorySeedFiles.of(directory);

		long started = start();
		Gazetteer gazetteer = Gazetteer.of(table(files, "reference/regions-nbs-2023.csv"),
				table(files, "reference/zones.csv"));
		PlaceResolver places = new PlaceResolver(gazetteer, table(files, "reference/region-aliases.csv"));
		IndustryTree tree = IndustryTree.of(table(files, "reference/gbt4754-2017.csv"));
		IndustryClassifier classifier = new IndustryClassifier(tree, table(files, "reference/industry-keywords.csv"),
				table(files, "reference/gbt4754-2017-notes.csv"), table(files, "reference/gbt4754-2017-sei2018.csv"),
				table(files, "reference/product-vocabulary.csv"));
		List<ProgramDescriptor> descriptors = ProgramCatalog
			.read(new String(files.bytes(ProgramCatalog.FILE), StandardCharsets.UTF_8));
		Set<String> compiled = descriptors.stream()
			.filter((d) -> d.issuer() == null)
			.map(ProgramDescriptor::key)
			.collect(Collectors.toUnmodifiableSet());
		IdentityResolver identity = new IdentityResolver(gazetteer, tree,
				table(files, "reference/identity-overrides.csv"), compiled);
		phase("tables", started);

		started = start();
		ListingParser parser = new ListingParser();
		List<ProgramDescriptor> listDescriptors = new ArrayList<>();
		List<RawListing> raw = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (ProgramDescriptor descriptor : descriptors) {
			ListingParser.Result result = parser.parse(descriptor, files.lines(descriptor.document()));
			result.problems().forEach((p) -> problems.add(p.toString()));
			for (RawListing listing : result.listings()) {
				raw.add(listing);
				listDescriptors.add(descriptor);
			}
		}
		phase("parse", started);
		if (!problems.isEmpty()) {
			System.out.println("the parser reported " + problems.size() + " problems, first:");
			problems.stream().limit(20).forEach(System.out::println);
			System.exit(1);
		}

		started = start();
		List<PlaceResolver.Placement> placements = new ArrayList<>(raw.size());
		for (int i = 0; i < raw.size(); i++) {
			Place context = places.context(listDescriptors.get(i).contextProvince(), raw.get(i).context());
			placements.add(places.resolve(raw.get(i).nameAsListed(), context));
		}
		phase("place", started);

		// as ResolutionPipeline.run() does: each listing's classification and decisions
		// are put together as it is classified, and its placement is not kept beyond
		started = start();
		List<ResolvedListing> listings = new ArrayList<>(raw.size());
		for (int i = 0; i < raw.size(); i++) {
			PlaceResolver.Placement placement = placements.set(i, null);
			IndustryClassifier.Classification classification = classifier.classify(placement.industryPhrase());
			List<Decision> decisions = new ArrayList<>(placement.decisions());
			decisions.addAll(classification.decisions());
			listings.add(new ResolvedListing(raw.get(i), placement.places(), placement.industryPhrase(),
					classification.assignments(), decisions));
		}
		placements = null;
		raw = null;
		listDescriptors = null;
		phase("classify", started);

		Work work = work(gazetteer, listings);

		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "directory %s: %d listings in %d list descriptors%n", directory,
				listings.size(), descriptors.size()));
		out.append(String.format(Locale.ROOT,
				"identity blocks: %d prefecture-level blocks (largest %d listings), %d listings placed in a province "
						+ "only; pairs to score: about %,d%n",
				work.blocks(), work.largest(), work.provinceOnly(), work.pairs()));

		// printed now, so that a run stopped during identity still says what it faced
		System.out.print(out);
		System.out.flush();
		out.setLength(0);
		IdentityResolver.Resolution resolution = null;
		if (runIdentity) {
			started = start();
			resolution = identity.resolution(listings);
			phase("identity", started);
		}
		sampler.interrupt();
		// read only now, so that the heap measured after each phase holds what the
		// resolution holds and nothing of the measurement's
		Truth truth = Truth.read(directory, listings);
		out.append(String.format(Locale.ROOT, "%d clusters in truth%n", truth.clusterCount()));
		out.append(timings());
		out.append(placementScore(listings, truth, examples));
		out.append(industryScore(listings, truth, tree, examples));
		if (resolution != null) {
			out.append(identityScore(resolution, truth, tree, examples));
		}
		System.out.print(out);
	}

	private static List<Csv.Row> table(SeedFiles files, String path) {
		return Csv.read(path, files.lines(path));
	}

	private long start() {
		this.cpuAtStart = this.system.getProcessCpuTime();
		return System.nanoTime();
	}

	private void phase(String name, long started) {
		this.phases.put(name, System.nanoTime() - started);
		this.cpu.put(name, this.system.getProcessCpuTime() - this.cpuAtStart);
		System.gc();
		this.liveAfter.put(name, this.memory.getHeapMemoryUsage().getUsed());
		System.err.printf(Locale.ROOT, "%s done: %.2f s wall, %.2f s CPU%n", name, this.phases.get(name) / 1e9,
				this.cpu.get(name) / 1e9);
		if (this.histogram > 0) {
			System.err.println(histogram(this.histogram));
		}
	}

	/**
	 * The first lines of the class histogram of the live heap ({@code jcmd <pid>
	 * GC.class_histogram}), taken in process.
	 */
	private static String histogram(int classes) {
		try {
			Object text = ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
						new Object[] { new String[0] }, new String[] { String[].class.getName() });
			return ((String) text).lines().limit(classes + 3).collect(Collectors.joining("\n"));
		}
		catch (JMException ex) {
			return "no histogram: " + ex;
		}
	}

	private String timings() {
		StringBuilder out = new StringBuilder("time (wall, and CPU of the whole process) and heap:\n");
		this.phases.forEach((name, nanos) -> out
			.append(String.format(Locale.ROOT, "  %-9s %9.2f s wall %9.2f s CPU   live heap after %6d MB%n", name,
					nanos / 1e9, this.cpu.get(name) / 1e9, this.liveAfter.get(name) >> 20)));
		out.append(String.format(Locale.ROOT, "  peak heap used %d MB (sampled every 10 ms; limit -Xmx %d MB)%n",
				this.peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20));
		return out.toString();
	}

	/**
	 * The pairs the identity resolver scores, counted as it blocks them: every pair
	 * inside a prefecture-level unit, and every listing placed in a province only against
	 * every listing of that province.
	 */
	private static Work work(Gazetteer gazetteer, List<ResolvedListing> listings) {
		// counts only: the listings of each block, each listing once per block
		Map<String, int[]> blocks = new HashMap<>();
		Map<String, int[]> byProvince = new HashMap<>();
		Map<String, int[]> provinceOnly = new HashMap<>();
		for (ResolvedListing listing : listings) {
			Set<String> units = new HashSet<>();
			Set<String> provinces = new HashSet<>();
			Set<String> only = new HashSet<>();
			for (Place place : listing.places()) {
				Place unit = gazetteer.prefectureUnit(place);
				String province = gazetteer.province(place).code();
				provinces.add(province);
				if (unit != null) {
					units.add(unit.code());
				}
				else {
					only.add(province);
				}
			}
			units.forEach((u) -> blocks.computeIfAbsent(u, (k) -> new int[1])[0]++);
			provinces.forEach((p) -> byProvince.computeIfAbsent(p, (k) -> new int[1])[0]++);
			only.forEach((p) -> provinceOnly.computeIfAbsent(p, (k) -> new int[1])[0]++);
		}
		long pairs = 0;
		int largest = 0;
		for (int[] block : blocks.values()) {
			pairs += (long) block[0] * (block[0] - 1) / 2;
			largest = Math.max(largest, block[0]);
		}
		int only = 0;
		for (Map.Entry<String, int[]> entry : provinceOnly.entrySet()) {
			pairs += (long) entry.getValue()[0] * byProvince.get(entry.getKey())[0];
			only += entry.getValue()[0];
		}
		return new Work(blocks.size(), largest, only, pairs);
	}

	private String placementScore(List<ResolvedListing> listings, Truth truth, int examples) {
		Score all = new Score();
		Score traps = new Score();
		Map<String, Score> byStyle = new TreeMap<>();
		Map<String, Integer> misses = new TreeMap<>();
		List<String> shown = new ArrayList<>();
		for (ResolvedListing listing : listings) {
			TruthRow row = truth.of(listing);
			Set<String> codes = listing.places().stream().map(Place::code).collect(Collectors.toSet());
			boolean right = codes.equals(Set.of(row.region()));
			all.add(right);
			byStyle.computeIfAbsent(row.style(), (s) -> new Score()).add(right);
			if (row.sharedName()) {
				traps.add(right);
			}
			if (!right) {
				String kind = codes.isEmpty() ? "unplaced"
						: listing.decisions().stream().anyMatch((d) -> d.rule().equals("ambiguous")) ? "ambiguous"
								: "elsewhere";
				misses.merge(kind, 1, Integer::sum);
				if (shown.size() < examples) {
					shown.add("    " + listing.raw().nameAsListed() + " (" + listing.raw().document() + ":"
							+ listing.raw().line() + ") meant " + row.region() + ", placed " + codes + " by "
							+ listing.decisions()
								.stream()
								.filter((d) -> d.aspect().equals("PLACE"))
								.map(Decision::rule)
								.toList());
				}
			}
		}
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "placement: %s right; misses %s%n", all, misses));
		out.append(String.format(Locale.ROOT, "  in regions whose name another region shares: %s%n", traps));
		byStyle.forEach((style, score) -> out.append(String.format(Locale.ROOT, "  %-24s %s%n", style, score)));
		shown.forEach((s) -> out.append(s).append('\n'));
		return out.toString();
	}

	private String industryScore(List<ResolvedListing> listings, Truth truth, IndustryTree tree, int examples) {
		Score division = new Score();
		Score exact = new Score();
		int unclassified = 0;
		Map<String, Score> bySource = new TreeMap<>();
		Map<String, Score> byVariant = new TreeMap<>();
		Map<String, String> missed = new TreeMap<>();
		for (ResolvedListing listing : listings) {
			TruthRow row = truth.of(listing);
			IndustryTree.Industry meant = tree.find(row.clazz());
			List<IndustryTree.Industry> industries = listing.industries();
			boolean right = !industries.isEmpty()
					&& industries.stream().allMatch((i) -> isIn(tree, i, tree.division(meant)));
			division.add(right);
			exact.add(industries.equals(List.of(meant)));
			unclassified += industries.isEmpty() ? 1 : 0;
			bySource.computeIfAbsent(row.phraseSource(), (s) -> new Score()).add(right);
			byVariant.computeIfAbsent(row.variant(), (s) -> new Score()).add(right);
			if (!right) {
				missed.putIfAbsent(listing.industryPhrase(),
						"    '" + listing.industryPhrase() + "' meant " + meant.code() + " " + meant.name() + ", got "
								+ industries.stream().map((i) -> i.code() + " " + i.name()).toList());
			}
		}
		StringBuilder out = new StringBuilder();
		out.append(
				String.format(Locale.ROOT, "industry: %s in the right division; %s the very class; %d unclassified%n",
						division, exact, unclassified));
		bySource.forEach((s, score) -> out.append(String.format(Locale.ROOT, "  phrase from %-11s %s%n", s, score)));
		byVariant.forEach((s, score) -> out.append(String.format(Locale.ROOT, "  variant %-9s %s%n", s, score)));
		out.append(String.format(Locale.ROOT, "  %d distinct phrases missed, for example:%n", missed.size()));
		missed.values().stream().limit(examples).forEach((s) -> out.append(s).append('\n'));
		return out.toString();
	}

	private static boolean isIn(IndustryTree tree, IndustryTree.Industry industry, IndustryTree.Industry division) {
		return industry.equals(division) || tree.isUnder(industry, division);
	}

	private String identityScore(IdentityResolver.Resolution resolution, Truth truth, IndustryTree tree, int examples) {
		Map<ResolvedListing, String> clusterOf = new IdentityHashMap<>();
		long predicted = 0;
		long right = 0;
		int largest = 0;
		for (ResolvedCluster cluster : resolution.clusters()) {
			Map<String, Integer> byTruth = new HashMap<>();
			for (ResolvedListing listing : cluster.listings()) {
				clusterOf.put(listing, cluster.key());
				byTruth.merge(truth.of(listing).cluster(), 1, Integer::sum);
			}
			long n = cluster.listings().size();
			largest = Math.max(largest, (int) n);
			predicted += n * (n - 1) / 2;
			for (int c : byTruth.values()) {
				right += (long) c * (c - 1) / 2;
			}
		}
		long actual = 0;
		Map<String, long[]> recallByKind = new TreeMap<>();
		List<String> missedShown = new ArrayList<>();
		for (List<ResolvedListing> members : truth.clusters().values()) {
			actual += (long) members.size() * (members.size() - 1) / 2;
			for (int i = 0; i < members.size(); i++) {
				for (int j = i + 1; j < members.size(); j++) {
					ResolvedListing a = members.get(i);
					ResolvedListing b = members.get(j);
					boolean found = clusterOf.get(a).equals(clusterOf.get(b));
					long[] counts = recallByKind.computeIfAbsent(truth.pairKind(a, b), (k) -> new long[2]);
					counts[0]++;
					counts[1] += found ? 1 : 0;
					if (!found && missedShown.size() < examples) {
						missedShown.add("    " + describe(a, truth) + "  /  " + describe(b, truth));
					}
				}
			}
		}
		Map<String, Long> falseByCause = new TreeMap<>();
		List<String> falseShown = new ArrayList<>();
		for (ResolvedCluster cluster : resolution.clusters()) {
			List<ResolvedListing> members = cluster.listings();
			if (members.size() > 200) {
				falseByCause.merge("inside a cluster of more than 200 listings (not enumerated)", 1L, Long::sum);
				continue;
			}
			for (int i = 0; i < members.size(); i++) {
				for (int j = i + 1; j < members.size(); j++) {
					TruthRow a = truth.of(members.get(i));
					TruthRow b = truth.of(members.get(j));
					if (a.cluster().equals(b.cluster())) {
						continue;
					}
					String cause = a.clazz().equals(b.clazz()) ? "the same class"
							: tree.division(tree.find(a.clazz())).equals(tree.division(tree.find(b.clazz())))
									? "classes of one division" : "classes of different divisions";
					List<String> levels = new ArrayList<>(List.of(a.regionLevel(), b.regionLevel()));
					levels.sort(null);
					cause = String.join("-", levels) + ", " + cause;
					falseByCause.merge(cause, 1L, Long::sum);
					if (falseShown.size() < examples) {
						falseShown.add("    " + describe(members.get(i), truth) + "  /  "
								+ describe(members.get(j), truth) + "  merged by "
								+ cluster.identity()
									.getOrDefault(members.get(j), List.of())
									.stream()
									.map(Decision::rule)
									.toList());
					}
				}
			}
		}
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"identity: %d clusters (truth %d), largest %d listings; pairs: resolution %,d, truth %,d, both %,d; "
						+ "precision %.4f, recall %.4f; possible matches %,d%n",
				resolution.clusters().size(), truth.clusterCount(), largest, predicted, actual, right,
				(predicted == 0) ? 1.0 : (double) right / predicted, (actual == 0) ? 1.0 : (double) right / actual,
				resolution.possibleMatches().size()));
		for (int part = 0; part < 2; part++) {
			Map<String, long[]> summed = new TreeMap<>();
			for (Map.Entry<String, long[]> entry : recallByKind.entrySet()) {
				long[] counts = summed.computeIfAbsent(entry.getKey().split(", ")[part], (k) -> new long[2]);
				counts[0] += entry.getValue()[0];
				counts[1] += entry.getValue()[1];
			}
			out.append((part == 0) ? "  recall by the place levels the names give:" : "  recall by phrase variant:");
			summed.forEach((key, counts) -> out.append(String.format(Locale.ROOT, " %s %d/%d (%.1f%%);", key, counts[1],
					counts[0], 100.0 * counts[1] / counts[0])));
			out.append('\n');
		}
		out.append("  recall by the pair's place levels and phrase variants:\n");
		recallByKind.forEach((kind, counts) -> out.append(String.format(Locale.ROOT, "    %-44s %6d of %6d (%.1f%%)%n",
				kind, counts[1], counts[0], 100.0 * counts[1] / counts[0])));
		out.append(
				"  pairs merged that the truth keeps apart, by the place levels the names give and how the classes meant differ:\n");
		falseByCause.forEach((cause, count) -> out.append(String.format(Locale.ROOT, "    %-60s %6d%n", cause, count)));
		out.append("  missed pairs, for example:\n");
		missedShown.forEach((s) -> out.append(s).append('\n'));
		out.append("  wrong pairs, for example:\n");
		falseShown.forEach((s) -> out.append(s).append('\n'));
		return out.toString();
	}

	private static String describe(ResolvedListing listing, Truth truth) {
		TruthRow row = truth.of(listing);
		return listing.raw().nameAsListed() + " [" + listing.raw().program()
				+ ((listing.raw().year() != null) ? " " + listing.raw().year() : "") + "; "
				+ listing.places().stream().map(Place::code).toList() + "; "
				+ listing.industries().stream().map(IndustryTree.Industry::code).toList() + "; truth " + row.cluster()
				+ " " + row.clazz() + "]";
	}

	/**
	 * What the truth says of one listing.
	 *
	 * @param cluster the cluster it was made for
	 * @param region the region its name and list mean
	 * @param regionLevel that region's level
	 * @param clazz the GB/T 4754 class its phrase was taken for
	 * @param variant how its phrase differs from its cluster's first
	 * @param style how its place was written
	 * @param phraseSource where its phrase comes from
	 * @param sharedName whether another region shares its region's name
	 */
	private record TruthRow(String cluster, String region, String regionLevel, String clazz, String variant,
			String style, String phraseSource, boolean sharedName) {
	}

	/** What the identity resolver has to compare. */
	private record Work(int blocks, int largest, int provinceOnly, long pairs) {
	}

	/** Right out of all, printed as "n of m (p%)". */
	private static final class Score {

		private int right;

		private int all;

		void add(boolean right) {
			this.all++;
			this.right += right ? 1 : 0;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%d of %d (%.2f%%)", this.right, this.all,
					(this.all == 0) ? 100.0 : 100.0 * this.right / this.all);
		}

	}

	/** The generator's truth, by listing. */
	private static final class Truth {

		private final Map<ResolvedListing, TruthRow> rows = new IdentityHashMap<>();

		private final Map<String, List<ResolvedListing>> clusters = new LinkedHashMap<>();

		/**
		 * Reads {@code truth.csv} a line at a time and keeps, for each listing, only the
		 * columns the scores use, their values shared.
		 */
		static Truth read(Path directory, List<ResolvedListing> listings) {
			Map<String, int[]> indexByLine = new HashMap<>();
			for (int i = 0; i < listings.size(); i++) {
				RawListing raw = listings.get(i).raw();
				int[] lines = indexByLine.computeIfAbsent(raw.document(), (d) -> new int[0]);
				if (raw.line() >= lines.length) {
					int[] longer = Arrays.copyOf(lines, Math.max(raw.line() + 1, lines.length * 2));
					Arrays.fill(longer, lines.length, longer.length, -1);
					indexByLine.put(raw.document(), longer);
					lines = longer;
				}
				lines[raw.line()] = i;
			}
			TruthRow[] byIndex = new TruthRow[listings.size()];
			Map<String, String> values = new HashMap<>();
			int count = 0;
			try (BufferedReader in = Files.newBufferedReader(directory.resolve("truth.csv"), StandardCharsets.UTF_8)) {
				String header = in.readLine();
				String line;
				int number = 1;
				while ((line = in.readLine()) != null) {
					number++;
					Csv.Row row = Csv
						.read("truth.csv", List.of(header, line), "document", "line", "cluster", "region", "class",
								"variant", "style")
						.get(0);
					count++;
					int[] lines = indexByLine.get(row.get("document"));
					int at = Integer.parseInt(row.get("line"));
					int index = (lines != null && at < lines.length) ? lines[at] : -1;
					if (index < 0 || !row.get("name").equals(listings.get(index).raw().nameAsListed())) {
						throw new IllegalStateException("truth.csv:" + number + ": the parser read no listing "
								+ row.get("name") + " at " + row.get("document") + ":" + at);
					}
					byIndex[index] = new TruthRow(share(values, row.get("cluster")), share(values, row.get("region")),
							share(values, row.get("region_level")), share(values, row.get("class")),
							share(values, row.get("variant")), share(values, row.get("style")),
							share(values, row.get("phrase_source")), row.get("shared_name").equals("true"));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (count != listings.size()) {
				throw new IllegalStateException(
						"truth.csv has " + count + " listings, the parser read " + listings.size());
			}
			Truth truth = new Truth();
			for (int i = 0; i < listings.size(); i++) {
				ResolvedListing listing = listings.get(i);
				if (byIndex[i] == null) {
					throw new IllegalStateException("truth.csv has no row for " + listing.raw().document() + ":"
							+ listing.raw().line() + " " + listing.raw().nameAsListed());
				}
				truth.rows.put(listing, byIndex[i]);
				truth.clusters.computeIfAbsent(byIndex[i].cluster(), (c) -> new ArrayList<>()).add(listing);
			}
			return truth;
		}

		private static String share(Map<String, String> values, String value) {
			String known = values.putIfAbsent(value, value);
			return (known != null) ? known : value;
		}

		TruthRow of(ResolvedListing listing) {
			return this.rows.get(listing);
		}

		Map<String, List<ResolvedListing>> clusters() {
			return this.clusters;
		}

		int clusterCount() {
			return this.clusters.size();
		}

		/**
		 * A pair's kind: the levels of the two regions the names mean, and the phrase
		 * variant that differs from the cluster's first phrase ("same" when both use it).
		 */
		String pairKind(ResolvedListing a, ResolvedListing b) {
			TruthRow x = of(a);
			TruthRow y = of(b);
			List<String> levels = new ArrayList<>(List.of(x.regionLevel(), y.regionLevel()));
			levels.sort(null);
			List<String> variants = new ArrayList<>(List.of(x.variant(), y.variant()));
			variants.removeIf((v) -> v.equals("first") || v.equals("same"));
			variants.sort(null);
			return String.join("-", levels) + ", " + (variants.isEmpty() ? "same" : String.join("+", variants));
		}

	}

}
