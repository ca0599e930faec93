package org.clustergraph.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Decides which listings denote the same real-world cluster.
 * <ul>
 * <li>Inside one list (one edition), only repeats of one entry merge: the same places and
 * the same industry phrase. A list names distinct clusters on purpose.</li>
 * <li>Across lists and editions, listings merge when their places are compatible (the
 * same regions, or one containing the other inside one prefecture-level unit) and their
 * industries are equivalent (the same phrase once trailing 业/产业/制造 is ignored, or the
 * same non-empty set of GB/T codes, which is where the keyword table's synonyms such as
 * 商用车/商用汽车 meet).</li>
 * <li>A merge is refused when the cluster would then hold two entries of one list, or
 * places that are not compatible; a listing that could contain several others of one
 * program is left alone rather than merged at random.</li>
 * <li>The curated override table forces or forbids merges.</li>
 * </ul>
 * Cluster ids derive from the member listing that sorts first by program, edition and
 * name, so they do not depend on the input's order.
 */
public final class IdentityResolver {

	private final Gazetteer gazetteer;

	private final IndustryTree industries;

	private final List<Override> overrides;

	/**
	 * Creates a resolver.
	 * @param gazetteer the regions
	 * @param industries the industry classification
	 * @param overrideRows the rows of {@code identity-overrides.csv}
	 */
	public IdentityResolver(Gazetteer gazetteer, IndustryTree industries, List<Csv.Row> overrideRows) {
		this.gazetteer = gazetteer;
		this.industries = industries;
		List<Override> overrides = new ArrayList<>();
		for (Csv.Row row : overrideRows) {
			String action = row.get("action");
			if (!action.equals("MERGE") && !action.equals("SEPARATE")) {
				throw new SourceException(row.problem("action must be MERGE or SEPARATE, not '" + action + "'"));
			}
			overrides.add(new Override(action, key(row.get("listing")), key(row.get("other")), row.get("reason"),
					row.line()));
		}
		this.overrides = List.copyOf(overrides);
	}

	private static String key(String reference) {
		String[] parts = reference.split("\\|", 3);
		return (parts.length == 3) ? parts[0] + "|" + parts[1] + "|" + Text.normalize(parts[2]) : reference;
	}

	/**
	 * Groups listings into clusters.
	 * @param listings every resolved listing of the load
	 * @return the clusters, ordered by id
	 * @throws SourceException when an override names a listing that does not exist
	 */
	public List<ResolvedCluster> resolve(List<ResolvedListing> listings) {
		List<ResolvedListing> ordered = listings.stream()
			.sorted(Comparator.comparing((ResolvedListing l) -> l.raw().identityKey())
				.thenComparing((l) -> l.raw().line()))
			.toList();
		Map<String, List<Integer>> byKey = new HashMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			byKey.computeIfAbsent(ordered.get(i).raw().identityKey(), (k) -> new ArrayList<>()).add(i);
		}
		UnionFind groups = new UnionFind(ordered.size());
		Map<Integer, List<Decision>> decisions = new HashMap<>();
		Set<Long> forbidden = new HashSet<>();
		for (Override override : this.overrides) {
			List<Integer> a = byKey.get(override.listing());
			List<Integer> b = byKey.get(override.other());
			if (a == null || b == null) {
				throw new SourceException(new SourceProblem("identity-overrides.csv", override.line(), "no listing '"
						+ ((a == null) ? override.listing() : override.other()) + "' (write program|year|name)"));
			}
			for (int x : a) {
				for (int y : b) {
					if (override.action().equals("MERGE")) {
						groups.union(x, y);
						note(decisions, x, y, "override:MERGE",
								"identity-overrides.csv:" + override.line() + ": " + override.reason());
					}
					else {
						forbidden.add(pair(x, y));
					}
				}
			}
		}
		List<Candidate> candidates = candidates(ordered);
		for (Candidate candidate : candidates) {
			int a = candidate.a();
			int b = candidate.b();
			if (groups.find(a) == groups.find(b)) {
				continue;
			}
			if (!mergeable(ordered, groups, a, b, forbidden)) {
				continue;
			}
			groups.union(a, b);
			note(decisions, a, b, candidate.rule(), candidate.evidence());
		}
		Map<Integer, List<Integer>> members = new TreeMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			members.computeIfAbsent(groups.find(i), (r) -> new ArrayList<>()).add(i);
		}
		List<ResolvedCluster> clusters = new ArrayList<>();
		for (List<Integer> group : members.values()) {
			clusters.add(cluster(ordered, group, decisions));
		}
		clusters.sort(Comparator.comparing(ResolvedCluster::key));
		return List.copyOf(clusters);
	}

	private List<Candidate> candidates(List<ResolvedListing> listings) {
		List<Candidate> candidates = new ArrayList<>();
		Map<String, Integer> containmentCount = new HashMap<>();
		List<Candidate> containments = new ArrayList<>();
		List<String> phrases = listings.stream().map((l) -> phraseKey(l.industryPhrase())).toList();
		List<Set<IndustryTree.Industry>> codes = listings.stream().map((l) -> Set.copyOf(l.industries())).toList();
		for (int a = 0; a < listings.size(); a++) {
			for (int b = a + 1; b < listings.size(); b++) {
				ResolvedListing x = listings.get(a);
				ResolvedListing y = listings.get(b);
				String industry = (!phrases.get(a).isEmpty() && phrases.get(a).equals(phrases.get(b))) ? "phrase"
						: (!codes.get(a).isEmpty() && codes.get(a).equals(codes.get(b))) ? "industries" : null;
				if (industry == null) {
					continue;
				}
				String places = placeRelation(x.places(), y.places());
				if (places == null) {
					continue;
				}
				boolean sameList = x.edition().equals(y.edition());
				if (sameList) {
					if (places.equals("same") && industry.equals("phrase")) {
						candidates.add(new Candidate(0, a, b, "repeat-in-list",
								"the list names '" + x.raw().nameAsListed() + "' (line " + x.raw().line() + ") and '"
										+ y.raw().nameAsListed() + "' (line " + y.raw().line()
										+ "): the same places and industry phrase, one entry"));
					}
					continue;
				}
				int strength = (places.equals("same") ? 1 : 3) + (industry.equals("phrase") ? 0 : 1);
				String evidence = "'" + x.raw().nameAsListed() + "' (" + x.raw().program() + yearText(x) + ") and '"
						+ y.raw().nameAsListed() + "' (" + y.raw().program() + yearText(y) + "): "
						+ (places.equals("same") ? "the same region(s) " + codes(x.places())
								: "regions " + codes(x.places()) + " and " + codes(y.places())
										+ " where one contains the other in one prefecture")
						+ ", " + (industry.equals("phrase") ? "the same industry phrase '" + x.industryPhrase() + "'"
								: "equivalent industries " + industryCodes(x));
				Candidate candidate = new Candidate(strength, a, b,
						"cross-list:" + (places.equals("same") ? "same-place" : "containing-place") + "+"
								+ (industry.equals("phrase") ? "same-phrase" : "same-industries"),
						evidence);
				if (places.equals("same")) {
					candidates.add(candidate);
				}
				else {
					containments.add(candidate);
					containmentCount.merge(a + ">" + y.raw().program(), 1, Integer::sum);
					containmentCount.merge(b + ">" + x.raw().program(), 1, Integer::sum);
				}
			}
		}
		for (Candidate candidate : containments) {
			// A region that contains several listings of another program cannot tell
			// which one it is.
			String program = listings.get(candidate.b()).raw().program();
			String other = listings.get(candidate.a()).raw().program();
			if (containmentCount.get(candidate.a() + ">" + program) == 1
					&& containmentCount.get(candidate.b() + ">" + other) == 1) {
				candidates.add(candidate);
			}
		}
		candidates.sort(Comparator.comparingInt(Candidate::strength)
			.thenComparingInt(Candidate::a)
			.thenComparingInt(Candidate::b));
		return candidates;
	}

	private boolean mergeable(List<ResolvedListing> listings, UnionFind groups, int a, int b, Set<Long> forbidden) {
		List<Integer> left = groups.members(a);
		List<Integer> right = groups.members(b);
		for (int x : left) {
			for (int y : right) {
				if (forbidden.contains(pair(x, y))) {
					return false;
				}
				ResolvedListing lx = listings.get(x);
				ResolvedListing ly = listings.get(y);
				if (placeRelation(lx.places(), ly.places()) == null) {
					return false;
				}
				if (lx.edition().equals(ly.edition()) && !(lx.places().equals(ly.places())
						&& phraseKey(lx.industryPhrase()).equals(phraseKey(ly.industryPhrase())))) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * How two placements relate: "same", "contains" (one contains the other inside one
	 * prefecture-level unit), or null when incompatible or unplaced.
	 */
	@Nullable String placeRelation(List<Place> a, List<Place> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return null;
		}
		if (Set.copyOf(a).equals(Set.copyOf(b))) {
			return "same";
		}
		boolean aInB = a.stream().allMatch((x) -> b.stream().anyMatch((y) -> nested(x, y)));
		boolean bInA = b.stream().allMatch((y) -> a.stream().anyMatch((x) -> nested(y, x)));
		return (aInB || bInA) ? "contains" : null;
	}

	private boolean nested(Place x, Place y) {
		Place inner = this.gazetteer.within(x, y) ? x : (this.gazetteer.within(y, x) ? y : null);
		if (inner == null) {
			return false;
		}
		Place outer = (inner == x) ? y : x;
		Place unit = this.gazetteer.prefectureUnit(inner);
		return unit != null && this.gazetteer.within(outer, unit);
	}

	/**
	 * The phrase as compared across listings: trailing 产业/行业/业/制造 carry no meaning of
	 * their own (上虞伞业 and 上虞伞 name one industry).
	 * @param phrase an industry phrase
	 * @return its comparison key
	 */
	static String phraseKey(String phrase) {
		String key = Text.normalize(phrase);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (String tail : List.of("产业", "行业", "制造", "业")) {
				if (key.endsWith(tail) && key.length() > tail.length()) {
					key = key.substring(0, key.length() - tail.length());
					changed = true;
				}
			}
		}
		return key;
	}

	private ResolvedCluster cluster(List<ResolvedListing> listings, List<Integer> group,
			Map<Integer, List<Decision>> decisions) {
		List<ResolvedListing> members = group.stream().map(listings::get).toList();
		String anchor = members.stream().map((l) -> l.raw().identityKey()).min(String::compareTo).orElseThrow();
		ResolvedListing canonical = members.stream()
			.max(Comparator.comparingInt((ResolvedListing l) -> depth(l.places()))
				.thenComparingInt((l) -> l.raw().nameAsListed().length())
				.thenComparing((l) -> l.raw().identityKey(), Comparator.reverseOrder()))
			.orElseThrow();
		Map<String, Place> regions = new LinkedHashMap<>();
		members.stream().flatMap((l) -> l.places().stream()).forEach((p) -> regions.put(p.code(), p));
		List<Place> deepest = regions.values()
			.stream()
			.filter((p) -> regions.values().stream().noneMatch((q) -> !q.equals(p) && this.gazetteer.within(q, p)))
			.sorted(Comparator.comparing(Place::code))
			.toList();
		Map<String, IndustryTree.Industry> industries = new LinkedHashMap<>();
		members.stream().flatMap((l) -> l.industries().stream()).forEach((i) -> industries.put(i.code(), i));
		List<IndustryTree.Industry> specific = industries.values()
			.stream()
			.filter((i) -> industries.values().stream().noneMatch((j) -> !j.equals(i) && this.industries.isUnder(j, i)))
			.sorted(Comparator.comparing(IndustryTree.Industry::code))
			.toList();
		Map<ResolvedListing, List<Decision>> identity = new LinkedHashMap<>();
		for (int index : group) {
			List<Decision> own = decisions.getOrDefault(index, List.of());
			identity.put(listings.get(index), own.isEmpty() && group.size() == 1
					? List.of(Decision.identity("single",
							"no listing of another list (or repeat in its own list) "
									+ "has a compatible place and an equivalent industry"))
					: own.isEmpty()
							? List.of(Decision.identity("joined", "joined through another listing of this cluster"))
							: List.copyOf(own));
		}
		return new ResolvedCluster(clusterKey(anchor), canonical.raw().nameAsListed(), canonical.industryPhrase(),
				members, deepest, specific, identity);
	}

	private int depth(List<Place> places) {
		return places.stream().mapToInt((p) -> this.gazetteer.ancestors(p).size()).max().orElse(-1);
	}

	/**
	 * The stable key of a cluster whose first member (by program, edition and name) has
	 * this key.
	 * @param anchor the member's identity key
	 * @return a 12-hex-digit key
	 */
	static String clusterKey(String anchor) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(anchor.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void note(Map<Integer, List<Decision>> decisions, int a, int b, String rule, String evidence) {
		Decision decision = Decision.identity(rule, evidence);
		decisions.computeIfAbsent(a, (k) -> new ArrayList<>()).add(decision);
		decisions.computeIfAbsent(b, (k) -> new ArrayList<>()).add(decision);
	}

	private static long pair(int a, int b) {
		return ((long) Math.min(a, b) << 32) | Math.max(a, b);
	}

	private static String yearText(ResolvedListing listing) {
		return (listing.raw().year() != null) ? " " + listing.raw().year() : "";
	}

	private static String codes(List<Place> places) {
		return places.stream().map((p) -> p.name() + " " + p.code()).collect(Collectors.joining(", ", "[", "]"));
	}

	private static String industryCodes(ResolvedListing listing) {
		return listing.industries().stream().map(IndustryTree.Industry::code).toList().toString();
	}

	private record Candidate(int strength, int a, int b, String rule, String evidence) {
	}

	private record Override(String action, String listing, String other, String reason, int line) {
	}

	private static final class UnionFind {

		private final int[] parent;

		UnionFind(int size) {
			this.parent = new int[size];
			for (int i = 0; i < size; i++) {
				this.parent[i] = i;
			}
		}

		int find(int i) {
			while (this.parent[i] != i) {
				this.parent[i] = this.parent[this.parent[i]];
				i = this.parent[i];
			}
			return i;
		}

		void union(int a, int b) {
			int ra = find(a);
			int rb = find(b);
			if (ra != rb) {
				this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
			}
		}

		List<Integer> members(int i) {
			int root = find(i);
			List<Integer> members = new ArrayList<>();
			for (int j = 0; j < this.parent.length; j++) {
				if (find(j) == root) {
					members.add(j);
				}
			}
			return members;
		}

	}

}
