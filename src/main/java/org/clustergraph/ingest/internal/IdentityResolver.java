package org.clustergraph.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Decides which listings denote the same real-world cluster, by a score.
 * <ul>
 * <li>Candidate pairs are blocked by prefecture-level unit, and by province for a listing
 * whose name gives only its province; inside a block a listing meets only the listings
 * that share a pair of characters of its phrase or the division of an industry, the pairs
 * that can score at all. The work grows with the listings of one place and industry, not
 * with the square of all listings.</li>
 * <li>A pair scores its places (the same regions 1.0, one containing the other inside one
 * prefecture-level unit 0.85, anything else 0) times its industries (the same phrase once
 * trailing 产业/制造/业 is ignored 1.0; one phrase inside the other 0.85, but 0.6 across a
 * containing place when their industries neither match nor contain one another; a GB/T
 * code in common 0.9, one under the other 0.8 below a division and 0.6 under one,
 * siblings in a group 0.5, each at most 0.8 without words in common and one under the
 * other at most 0.65 without a pair of characters in common; pairs of characters in
 * common, by Dice).</li>
 * <li>Pairs of different lists score ≥ {@link #MERGE_AT} merge, best first. Inside one
 * list, an official list (one with an issuer) names distinct clusters, and a compiled
 * list (no issuer) repeats a cluster only under the same places with an equivalent
 * industry, which also merges.</li>
 * <li>A merge is refused when the cluster would then hold two distinct entries of one
 * list or places that are not compatible, and a listing that could contain several others
 * of one list is merged with none of them.</li>
 * <li>Pairs of ≥ {@link #POSSIBLE_AT} that did not merge are kept as possible matches,
 * for an analyst to review.</li>
 * <li>The curated override table forces or forbids merges.</li>
 * </ul>
 * Cluster ids derive from the member listing that sorts first by program, edition and
 * name, so they do not depend on the input's order and stay while a cluster's members do.
 */
public final class IdentityResolver {

	/** Pairs of different lists that score this or more merge. */
	public static final double MERGE_AT = 0.7;

	/** Pairs that score this or more but do not merge are possible matches. */
	public static final double POSSIBLE_AT = 0.45;

	/** Dice of the phrases' character pairs from which they count as sharing words. */
	static final double WORDS_IN_COMMON = 0.3;

	/**
	 * The highest industry similarity that industries in common give without words in
	 * common.
	 */
	static final double CODES_ALONE = 0.8;

	/**
	 * The highest industry similarity that one industry under the other gives when the
	 * phrases share not a pair of characters: below the merge line.
	 */
	static final double CODES_ALONE_WITHIN = 0.65;

	/** The similarity of a phrase inside another, in industries that agree. */
	static final double PHRASE_WITHIN = 0.85;

	/**
	 * The similarity of a phrase inside another whose classifications neither match nor
	 * contain one another: below the merge line, a possible match at most.
	 */
	static final double PHRASE_WITHIN_OTHER_INDUSTRY = 0.6;

	private final Gazetteer gazetteer;

	private final Set<String> compiledPrograms;

	private final IndustryTree industries;

	private final List<Curated> overrides;

	/**
	 * Creates a resolver.
	 * @param gazetteer the regions
	 * @param industries the industry classification
	 * @param overrideRows the rows of {@code identity-overrides.csv}
	 * @param compiledPrograms the programs whose lists are compilations without an
	 * issuer, which may name one cluster twice
	 */
	public IdentityResolver(Gazetteer gazetteer, IndustryTree industries, List<Csv.Row> overrideRows,
			Set<String> compiledPrograms) {
		this.gazetteer = gazetteer;
		this.compiledPrograms = Set.copyOf(compiledPrograms);
		this.industries = industries;
		List<Curated> overrides = new ArrayList<>();
		for (Csv.Row row : overrideRows) {
			Action action = Action.of(row.get("action"));
			if (action == null) {
				throw new SourceException(
						row.problem("action must be MERGE or SEPARATE, not '" + row.get("action") + "'"));
			}
			overrides.add(
					new Curated(action, key(row.get("listing")), key(row.get("other")), row.get("reason"), row.line()));
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
		return resolution(listings).clusters();
	}

	/**
	 * Groups listings into clusters and finds the pairs of clusters that may be one.
	 * @param listings every resolved listing of the load
	 * @return the clusters, ordered by id, and the possible matches between them
	 * @throws SourceException when an override names a listing that does not exist
	 */
	public Resolution resolution(List<ResolvedListing> listings) {
		Listings run = Listings.of(listings);
		List<ResolvedListing> ordered = run.ordered();
		UnionFind groups = new UnionFind(ordered.size());
		Map<Integer, List<Decision>> decisions = new HashMap<>();
		LongHashSet forbidden = new LongHashSet(this.overrides.size());
		for (Curated override : this.overrides) {
			List<Integer> a = run.withKey(override.listing());
			List<Integer> b = run.withKey(override.other());
			if (a.isEmpty() || b.isEmpty()) {
				throw new SourceException(new SourceProblem("identity-overrides.csv", override.line(), "no listing '"
						+ (a.isEmpty() ? override.listing() : override.other()) + "' (write program|year|name)"));
			}
			for (int x : a) {
				for (int y : b) {
					if (override.action() == Action.MERGE) {
						groups.union(x, y);
						note(decisions, x, y, Decision.identity("override:MERGE",
								"identity-overrides.csv:" + override.line() + ": " + override.reason()));
					}
					else {
						forbidden.add(pair(x, y));
					}
				}
			}
		}
		List<Candidate> candidates = candidates(run);
		List<Candidate> possible = new ArrayList<>();
		Shared shared = new Shared();
		for (Candidate candidate : candidates) {
			int a = candidate.a();
			int b = candidate.b();
			if (forbidden.contains(pair(a, b))) {
				continue;
			}
			if (groups.find(a) == groups.find(b)) {
				continue;
			}
			if (!candidate.merges() || !mergeable(run, groups, a, b, forbidden)) {
				possible.add(candidate);
				continue;
			}
			groups.union(a, b);
			note(decisions, a, b, Decision.identity(shared.of(candidate.rule()), () -> evidence(ordered, candidate)));
		}
		candidates = null;
		// The groups in the order of their first member (a group's root is its first
		// member). A list may print one name twice for two clusters (the same name under
		// two headings): the second and later get the line order as their anchor's
		// suffix, so that no two clusters share a key and one is not written over the
		// other.
		List<ResolvedCluster> built = new ArrayList<>();
		List<Integer> roots = new ArrayList<>();
		Map<String, String> anchorOfKey = new HashMap<>();
		for (int root = 0; root < ordered.size(); root++) {
			if (groups.find(root) != root) {
				continue;
			}
			List<Integer> members = groups.members(root);
			String anchor = members.stream().map(run::anchor).min(String::compareTo).orElseThrow();
			ResolvedCluster cluster = cluster(run, members, anchor, decisions, shared);
			String earlier = anchorOfKey.putIfAbsent(cluster.key(), anchor);
			if (earlier != null) {
				throw new SourceException(new SourceProblem(cluster.listings().get(0).raw().document(),
						cluster.listings().get(0).raw().line(),
						"two clusters would get the key " + cluster.key() + " ('" + earlier + "' and '" + anchor
								+ "'); refusing to load rather than write one over the other"));
			}
			built.add(cluster);
			roots.add(root);
		}
		anchorOfKey = null;
		decisions = null;
		// clusters by key, and the place among them of each group's root
		Integer[] byKey = new Integer[built.size()];
		Arrays.setAll(byKey, (i) -> i);
		Arrays.sort(byKey, Comparator.comparing((Integer i) -> built.get(i).key()));
		List<ResolvedCluster> clusters = new ArrayList<>(built.size());
		int[] clusterOfRoot = new int[ordered.size()];
		for (int position = 0; position < byKey.length; position++) {
			clusters.add(built.get(byKey[position]));
			clusterOfRoot[roots.get(byKey[position])] = position;
		}
		built.clear();
		roots = null;
		byKey = null;
		// the best pair of each two clusters, the first of equal scores (the candidates
		// come best first); its evidence is written only for it
		LongHashSet met = new LongHashSet(16);
		List<long[]> best = new ArrayList<>();
		for (int i = 0; i < possible.size(); i++) {
			Candidate candidate = possible.get(i);
			int x = clusterOfRoot[groups.find(candidate.a())];
			int y = clusterOfRoot[groups.find(candidate.b())];
			if (x != y && met.add(pair(x, y))) {
				best.add(new long[] { pair(x, y), i });
			}
		}
		best.sort(Comparator.comparingLong((long[] e) -> e[0]));
		List<PossibleMatch> matches = new ArrayList<>(best.size());
		for (long[] entry : best) {
			Candidate candidate = possible.get((int) entry[1]);
			String from = clusters.get((int) (entry[0] >>> 32)).key();
			String to = clusters.get((int) entry[0]).key();
			matches.add(new PossibleMatch(from, to, candidate.score(),
					() -> candidate.rule() + ": " + evidence(ordered, candidate)));
		}
		return new Resolution(List.copyOf(clusters), List.copyOf(matches));
	}

	/**
	 * Scores the pairs of listings that share a prefecture-level unit (or a province, for
	 * a listing placed only in its province) and could score {@link #POSSIBLE_AT} or
	 * more, best first.
	 * <p>
	 * Inside a block, a listing meets only the listings that share one of its industry
	 * keys ({@link #industryKeys}): a pair that shares none has no phrase in common, no
	 * pair of characters and no industry within one division, so it would score 0. The
	 * pairs are found through an index of the block's keys, each once: a stamp per
	 * listing marks the partners already met, and only pairs with a listing that lies in
	 * more than one block (several prefecture-level units, or a unit and a province of
	 * its own) go into a set of pairs already scored.
	 */
	private List<Candidate> candidates(Listings run) {
		List<ResolvedListing> listings = run.ordered();
		Map<String, IntList> units = new TreeMap<>();
		Map<String, IntList> byProvince = new TreeMap<>();
		Map<String, IntList> provinceOnly = new TreeMap<>();
		for (int i = 0; i < listings.size(); i++) {
			for (Place place : listings.get(i).places()) {
				Place unit = this.gazetteer.prefectureUnit(place);
				String province = this.gazetteer.province(place).code();
				byProvince.computeIfAbsent(province, (k) -> new IntList()).addOnce(i);
				if (unit != null) {
					units.computeIfAbsent(unit.code(), (k) -> new IntList()).addOnce(i);
				}
				else {
					provinceOnly.computeIfAbsent(province, (k) -> new IntList()).addOnce(i);
				}
			}
		}
		List<Block> blocks = new ArrayList<>();
		units.values().forEach((members) -> blocks.add(new Block(members.toArray(), null)));
		provinceOnly
			.forEach((province, only) -> blocks.add(new Block(only.toArray(), byProvince.get(province).toArray())));
		units.clear();
		byProvince.clear();
		provinceOnly.clear();
		// A pair is met in a block where both are members and one is an anchor. To be met
		// in two blocks, one of the two must be an anchor of one block and a member of
		// another (or an anchor of two): only pairs with such a listing can be met again.
		int[] blockCount = new int[listings.size()];
		for (Block block : blocks) {
			for (int i : block.anchors()) {
				blockCount[i]++;
			}
		}
		// every listing's keys, one after another: those of listing i from keyStart[i]
		Map<String, Integer> keyIds = new HashMap<>();
		int[] keyStart = new int[listings.size() + 1];
		IntList allKeys = new IntList();
		boolean[] broad = new boolean[listings.size()];
		for (int i = 0; i < listings.size(); i++) {
			List<String> own = industryKeys(listings.get(i));
			broad[i] = own.contains(BROAD);
			keyStart[i] = allKeys.size();
			for (String key : own) {
				allKeys.add(keyIds.computeIfAbsent(key, (x) -> keyIds.size()));
			}
		}
		keyStart[listings.size()] = allKeys.size();
		int[] keys = allKeys.toArray();
		allKeys = null;
		// what the pairs compare of each listing, once (a phrase's key and pairs of
		// characters once per phrase)
		Traits[] traits = new Traits[listings.size()];
		Map<String, Phrase> byPhrase = new HashMap<>();
		for (int i = 0; i < listings.size(); i++) {
			ResolvedListing listing = listings.get(i);
			traits[i] = Traits.of(listing, byPhrase.computeIfAbsent(listing.industryPhrase(), Phrase::of));
		}
		byPhrase = null;
		LongHashSet seen = new LongHashSet(16);
		int[] stamp = new int[listings.size()];
		int tick = 0;
		List<Candidate> candidates = new ArrayList<>();
		for (Block block : blocks) {
			Map<Integer, IntList> postings = new HashMap<>();
			IntList broadMembers = new IntList();
			for (int b : block.members()) {
				for (int k = keyStart[b]; k < keyStart[b + 1]; k++) {
					postings.computeIfAbsent(keys[k], (x) -> new IntList()).add(b);
				}
				if (broad[b]) {
					broadMembers.add(b);
				}
			}
			boolean[] anchor = null;
			if (block.anchors() != block.members()) {
				anchor = new boolean[listings.size()];
				for (int i : block.anchors()) {
					anchor[i] = true;
				}
			}
			for (int a : block.anchors()) {
				tick++;
				List<IntList> partners = new ArrayList<>();
				if (broad[a]) {
					partners.add(IntList.of(block.members()));
				}
				else {
					for (int k = keyStart[a]; k < keyStart[a + 1]; k++) {
						partners.add(postings.get(keys[k]));
					}
					partners.add(broadMembers);
				}
				for (IntList some : partners) {
					for (int p = 0; p < some.size(); p++) {
						int b = some.get(p);
						if (b == a || stamp[b] == tick) {
							continue;
						}
						stamp[b] = tick;
						// each pair of anchors once, from its lower number
						if (b < a && (anchor == null || anchor[b])) {
							continue;
						}
						int lo = Math.min(a, b);
						int hi = Math.max(a, b);
						if ((blockCount[lo] > 1 || blockCount[hi] > 1) && !seen.add(pair(lo, hi))) {
							continue;
						}
						score(run, traits, lo, hi, candidates);
					}
				}
			}
		}
		withoutAmbiguousContainments(run, candidates);
		candidates.sort(Comparator.comparingDouble(Candidate::score)
			.reversed()
			.thenComparingInt(Candidate::a)
			.thenComparingInt(Candidate::b));
		return candidates;
	}

	/** The identity decision of a listing that is a cluster of its own. */
	private static final List<Decision> SINGLE = List.of(Decision.identity("single",
			"no listing of another list (or repeat in its own list) has a compatible place and an equivalent industry"));

	/** The identity decision of a listing that joined a cluster through another. */
	private static final List<Decision> JOINED = List
		.of(Decision.identity("joined", "joined through another listing of this cluster"));

	/** The key of a listing whose industry is a section: it meets every listing. */
	private static final String BROAD = "*";

	/**
	 * The keys under which a listing meets others in its block: each pair of adjacent
	 * characters of its phrase (a phrase of one character: the phrase), which any phrase
	 * in common, phrase inside phrase or Dice above 0 shares; and the division of each of
	 * its industries, which any code similarity shares ({@link #codeSimilarity}: the same
	 * class, one under the other, siblings). An industry that is a section meets every
	 * listing.
	 */
	List<String> industryKeys(ResolvedListing listing) {
		List<String> keys = new ArrayList<>();
		String phrase = phraseKey(listing.industryPhrase());
		if (phrase.length() == 1) {
			keys.add("=" + phrase);
		}
		keys.addAll(bigrams(phrase));
		for (IndustryTree.Industry industry : listing.industries()) {
			IndustryTree.Industry division = industry;
			while (division != null && !division.level().equals("DIVISION") && division.parentCode() != null) {
				division = this.industries.find(division.parentCode());
			}
			keys.add((division == null || !division.level().equals("DIVISION")) ? BROAD : "#" + division.code());
		}
		return keys.stream().distinct().toList();
	}

	private void score(Listings run, Traits[] traits, int a, int b, List<Candidate> candidates) {
		ResolvedListing x = run.ordered().get(a);
		ResolvedListing y = run.ordered().get(b);
		PlaceRelation places = placeRelation(x.places(), y.places());
		if (places == null) {
			return;
		}
		Similarity industry = industrySimilarity(traits[a], traits[b], places == PlaceRelation.CONTAINS);
		double score = (places == PlaceRelation.SAME ? 1.0 : 0.85) * industry.score();
		if (score < POSSIBLE_AT) {
			return;
		}
		boolean sameList = run.edition(a) == run.edition(b);
		boolean merges;
		if (sameList) {
			// an official list names distinct clusters; a compilation repeats one only
			// under the same places with an equivalent industry
			merges = this.compiledPrograms.contains(x.raw().program()) && places == PlaceRelation.SAME
					&& score >= MERGE_AT && sameIndustry(x, y);
			if (!merges && !this.compiledPrograms.contains(x.raw().program())) {
				return;
			}
		}
		else {
			merges = score >= MERGE_AT;
		}
		candidates.add(new Candidate(score, places, sameList, merges, a, b, industry.rule(), null));
	}

	/**
	 * The evidence of a scored pair, in words: computed again when a decision or a
	 * possible match needs it, so that the pairs waiting to be decided hold no text.
	 */
	private String evidence(List<ResolvedListing> listings, Candidate candidate) {
		ResolvedListing x = listings.get(candidate.a());
		ResolvedListing y = listings.get(candidate.b());
		PlaceRelation places = candidate.places();
		return String.format(Locale.ROOT, "score %.2f: ", candidate.score()) + "'" + x.raw().nameAsListed() + "' ("
				+ x.raw().program() + yearText(x) + ", line " + x.raw().line() + ") and '" + y.raw().nameAsListed()
				+ "' (" + y.raw().program() + yearText(y) + ", line " + y.raw().line() + "): "
				+ (places == PlaceRelation.SAME ? "the same region(s) " + codes(x.places())
						: "regions " + codes(x.places()) + " and " + codes(y.places())
								+ " where one contains the other in one prefecture-level unit (0.85)")
				+ "; " + industrySimilarity(x, y, places == PlaceRelation.CONTAINS).evidence()
				+ ((candidate.notMerged() != null) ? "; not merged: " + candidate.notMerged() : "");
	}

	/**
	 * A region that contains several listings of another list cannot tell which one it
	 * is: its merging pairs into that list become possible matches only.
	 */
	private static void withoutAmbiguousContainments(Listings run, List<Candidate> candidates) {
		// for a listing and a list edition, how many listings of that edition it merges
		// with through a containing place
		Map<Long, Integer> count = new HashMap<>();
		for (Candidate c : candidates) {
			if (c.containment() && c.merges()) {
				count.merge(run.withEdition(c.a(), c.b()), 1, Integer::sum);
				count.merge(run.withEdition(c.b(), c.a()), 1, Integer::sum);
			}
		}
		candidates.replaceAll((c) -> (c.containment() && c.merges()
				&& (count.get(run.withEdition(c.a(), c.b())) > 1 || count.get(run.withEdition(c.b(), c.a())) > 1))
						? c.asPossible("it contains several listings of one list") : c);
	}

	/**
	 * How alike two listings' industries are: their phrases, their GB/T codes, and the
	 * pairs of characters their phrases share.
	 * @param x one listing
	 * @param y the other
	 * @param containingPlace whether one's places contain the other's (rather than being
	 * the same)
	 * @return the best similarity found
	 */
	Similarity industrySimilarity(ResolvedListing x, ResolvedListing y, boolean containingPlace) {
		return industrySimilarity(Traits.of(x), Traits.of(y), containingPlace);
	}

	/**
	 * The same, with each listing's phrase prepared once for all the pairs it is in. The
	 * best similarity is the first of the highest score, in the order they are tried;
	 * each one's words are written only when asked for.
	 */
	private Similarity industrySimilarity(Traits x, Traits y, boolean containingPlace) {
		String p = x.phrase().key();
		String q = y.phrase().key();
		Similarity best = null;
		if (!p.isEmpty() && p.equals(q)) {
			best = new Similarity(1.0, "same-phrase", () -> "the same industry phrase '" + p + "' (1.00)");
		}
		else if (p.length() >= 2 && q.length() >= 2 && (p.contains(q) || q.contains(p))) {
			// Across a containing place, the words a longer phrase adds may name another
			// product of the wider region (a county's 拖拉机配件 in its city of 拖拉机, 金枪鱼
			// and 金枪鱼罐头): the classifier says so when it puts the two in industries
			// neither of which contains the other. At one place the longer phrase is
			// more often one cluster named more fully (轨道交通, 轨道交通智能控制).
			if (!containingPlace || industriesAgree(x.industries(), y.industries())) {
				best = new Similarity(PHRASE_WITHIN, "phrase-within-phrase",
						() -> "industry phrase '" + p + "' and '" + q + "', one inside the other (0.85)");
			}
			else {
				best = new Similarity(PHRASE_WITHIN_OTHER_INDUSTRY, "phrase-within-phrase-other-industry",
						() -> "industry phrase '" + p + "' and '" + q
								+ "', one inside the other, classified in industries "
								+ "neither of which is or contains the other (0.60)");
			}
		}
		double trust = 0.75 + 0.25 * Math.min(x.confidence(), y.confidence());
		// industries in common say less when the phrases share no words: 纳米新材料 and 电子氟材料
		// are both 电子专用材料
		double dice = dice(x.phrase().bigrams(), y.phrase().bigrams());
		boolean wordsInCommon = dice >= WORDS_IN_COMMON
				|| (!p.isEmpty() && !q.isEmpty() && (p.contains(q) || q.contains(p)));
		for (IndustryTree.Industry i : x.industries()) {
			for (IndustryTree.Industry j : y.industries()) {
				Similarity codes = codeSimilarity(i, j);
				if (codes != null) {
					// A group meets every class in it (台布 177, 浴巾 1772): one industry
					// under the other, with no pair of characters in common, cannot tell
					// which class the group's listing is.
					boolean within = codes.rule().equals("industry-within-industry") && dice == 0;
					double cap = wordsInCommon ? 1.0 : within ? CODES_ALONE_WITHIN : CODES_ALONE;
					double score = Math.min(cap, codes.score() * trust);
					if (best == null || score > best.score()) {
						best = new Similarity(score, codes.rule(), () -> codes.evidence()
								+ String.format(Locale.ROOT, ", times %.2f for the classifications' confidence", trust)
								+ ((score < codes.score() * trust) ? String.format(Locale.ROOT,
										within ? ", at most %.2f with not a pair of characters in common"
												: ", at most %.2f with no words in common",
										cap) : ""));
					}
				}
			}
		}
		if (dice > 0 && (best == null || dice > best.score())) {
			best = new Similarity(dice, "similar-phrase", () -> String.format(Locale.ROOT,
					"industry phrases '%s' and '%s' share pairs of characters (Dice %.2f)", p, q, dice));
		}
		return (best != null) ? best : new Similarity(0, "different-industry", () -> "no industry in common");
	}

	/**
	 * Whether two listings' industries can be one: either is unclassified, or an industry
	 * of one is an industry of the other or lies under or over it.
	 */
	private boolean industriesAgree(List<IndustryTree.Industry> x, List<IndustryTree.Industry> y) {
		if (x.isEmpty() || y.isEmpty()) {
			return true;
		}
		for (IndustryTree.Industry i : x) {
			for (IndustryTree.Industry j : y) {
				if (i.equals(j) || this.industries.isUnder(i, j) || this.industries.isUnder(j, i)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether two entries of one compiled list name an equivalent industry: in words (the
	 * same phrase, one inside the other, or most of their pairs of characters in common)
	 * or by the same industries. Sharing one industry is not enough there: 永嘉拉链 and 永嘉纽扣
	 * are both 其他日用杂品 and two clusters.
	 */
	private boolean sameIndustry(ResolvedListing x, ResolvedListing y) {
		String p = phraseKey(x.industryPhrase());
		String q = phraseKey(y.industryPhrase());
		return (!p.isEmpty() && (p.contains(q) || q.contains(p)) && !q.isEmpty()) || dice(p, q) >= 0.5
				|| (!x.industries().isEmpty() && x.industries().stream().noneMatch((i) -> i.name().startsWith("其他"))
						&& Set.copyOf(x.industries()).equals(Set.copyOf(y.industries())));
	}

	private @Nullable Similarity codeSimilarity(IndustryTree.Industry i, IndustryTree.Industry j) {
		Supplier<String> pair = () -> i.code() + " " + i.name() + " and " + j.code() + " " + j.name();
		if (i.equals(j) && i.name().startsWith("其他")) {
			return new Similarity(0.6, "same-residual-industry",
					() -> "the same residual industry " + i.code() + " " + i.name() + " (0.60)");
		}
		if (i.equals(j)) {
			return new Similarity(0.9, "same-industry",
					() -> "the same industry " + i.code() + " " + i.name() + " (0.90)");
		}
		IndustryTree.Industry ancestor = this.industries.isUnder(i, j) ? j : (this.industries.isUnder(j, i) ? i : null);
		if (ancestor != null) {
			boolean narrow = ancestor.level().equals("GROUP") || ancestor.level().equals("CLASS");
			return new Similarity(narrow ? 0.8 : 0.6, "industry-within-industry", () -> "industries " + pair.get()
					+ ", one under the other" + (narrow ? " (0.80)" : " in a division or above (0.60)"));
		}
		if (i.parentCode() != null && i.parentCode().equals(j.parentCode()) && i.level().equals("CLASS")) {
			return new Similarity(0.5, "sibling-industries", () -> "industries " + pair.get() + " of one group (0.50)");
		}
		return null;
	}

	/**
	 * The Dice coefficient of two phrases' pairs of adjacent characters.
	 */
	static double dice(String p, String q) {
		return dice(bigrams(p), bigrams(q));
	}

	private static double dice(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		int common = 0;
		for (String gram : a) {
			if (b.contains(gram)) {
				common++;
			}
		}
		return 2.0 * common / (a.size() + b.size());
	}

	private static Set<String> bigrams(String text) {
		Set<String> grams = new HashSet<>();
		for (int i = 0; i + 2 <= text.length(); i++) {
			grams.add(text.substring(i, i + 2));
		}
		return grams;
	}

	private boolean mergeable(Listings run, UnionFind groups, int a, int b, LongHashSet forbidden) {
		List<ResolvedListing> listings = run.ordered();
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
				if (run.edition(x) == run.edition(y) && !(this.compiledPrograms.contains(lx.raw().program())
						&& Set.copyOf(lx.places()).equals(Set.copyOf(ly.places())) && sameIndustry(lx, ly))) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * How two placements relate: {@link PlaceRelation#SAME},
	 * {@link PlaceRelation#CONTAINS} (one contains the other inside one prefecture-level
	 * unit), or null when incompatible or unplaced.
	 */
	@Nullable PlaceRelation placeRelation(List<Place> a, List<Place> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return null;
		}
		// one place each, the usual case, compares without building sets
		if ((a.size() == 1 && b.size() == 1) ? a.get(0).equals(b.get(0)) : Set.copyOf(a).equals(Set.copyOf(b))) {
			return PlaceRelation.SAME;
		}
		return (eachNestedInOne(a, b) || eachNestedInOne(b, a)) ? PlaceRelation.CONTAINS : null;
	}

	/** Whether every place of one list is nested with some place of the other. */
	private boolean eachNestedInOne(List<Place> some, List<Place> others) {
		for (Place x : some) {
			boolean found = false;
			for (Place y : others) {
				if (nested(x, y)) {
					found = true;
					break;
				}
			}
			if (!found) {
				return false;
			}
		}
		return true;
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

	@SuppressWarnings("unchecked")
	private ResolvedCluster cluster(Listings run, List<Integer> group, String anchor,
			Map<Integer, List<Decision>> decisions, Shared shared) {
		List<ResolvedListing> listings = run.ordered();
		List<ResolvedListing> members = List.copyOf(group.stream().map(listings::get).toList());
		int canonical = group.stream()
			.max(Comparator.comparingInt((Integer i) -> depth(listings.get(i).places()))
				.thenComparingInt((i) -> listings.get(i).raw().nameAsListed().length())
				.thenComparing(run::key, Comparator.reverseOrder()))
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
		Map<ResolvedListing, List<Decision>> identity;
		if (group.size() == 1 && !decisions.containsKey(group.get(0))) {
			identity = Map.of(members.get(0), SINGLE);
		}
		else {
			List<Decision>[] own = new List[group.size()];
			for (int i = 0; i < own.length; i++) {
				List<Decision> made = decisions.getOrDefault(group.get(i), List.of());
				own[i] = made.isEmpty() ? (group.size() == 1) ? SINGLE : JOINED : List.copyOf(made);
			}
			identity = new MemberDecisions(members, own);
		}
		ResolvedListing first = listings.get(canonical);
		return new ResolvedCluster(clusterKey(anchor), first.raw().nameAsListed(), first.industryPhrase(), members,
				shared.of(List.copyOf(deepest)), shared.of(List.copyOf(specific)), identity);
	}

	private int depth(List<Place> places) {
		return places.stream().mapToInt((p) -> this.gazetteer.ancestors(p).size()).max().orElse(-1);
	}

	/**
	 * The stable key of a cluster whose first member (by program, edition and name) has
	 * this key.
	 * @param anchor the member's identity key, with {@code #n} for the n-th listing of
	 * one name in one edition
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

	private static void note(Map<Integer, List<Decision>> decisions, int a, int b, Decision decision) {
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

	/**
	 * A scored pair of listings; its evidence is written when needed ({@link #evidence}).
	 *
	 * @param score place times industry, 0 to 1
	 * @param places how their places relate
	 * @param sameList whether both are entries of one list edition
	 * @param merges whether the pair merges when nothing forbids it
	 * @param a one listing
	 * @param b the other
	 * @param industryRule the rule of the industry similarity
	 * @param notMerged why a pair that scores enough is not merged, or null
	 */
	private record Candidate(double score, PlaceRelation places, boolean sameList, boolean merges, int a, int b,
			String industryRule, @Nullable String notMerged) {

		boolean containment() {
			return this.places == PlaceRelation.CONTAINS;
		}

		String rule() {
			return this.sameList ? "repeat-in-list" : "cross-list:"
					+ (this.places == PlaceRelation.SAME ? "same-place" : "containing-place") + "+" + this.industryRule;
		}

		Candidate asPossible(String why) {
			return new Candidate(this.score, this.places, this.sameList, false, this.a, this.b, this.industryRule, why);
		}

	}

	/**
	 * The listings of one block and those whose pairs inside it are scored.
	 *
	 * @param anchors the listings whose pairs are scored (all members for a
	 * prefecture-level unit, the listings placed only in the province for a province)
	 * @param members the listings of the block
	 */
	private record Block(int[] anchors, int[] members) {

		Block {
			// a prefecture-level unit: every member is an anchor
			members = (members != null) ? members : anchors;
		}

	}

	/**
	 * How alike two industries are.
	 *
	 * @param score 0 to 1
	 * @param rule which comparison gave it
	 * @param words writes the evidence, when asked for: a pair's is needed only for a
	 * decision or a possible match, not for each of the millions of pairs scored
	 */
	record Similarity(double score, String rule, Supplier<String> words) {

		/**
		 * The evidence in words.
		 * @return the text
		 */
		String evidence() {
			return this.words.get();
		}

	}

	/**
	 * A listing's industry phrase as the pairs compare it: its key ({@link #phraseKey})
	 * and that key's pairs of adjacent characters.
	 *
	 * @param key the phrase key
	 * @param bigrams its pairs of characters
	 */
	private record Phrase(String key, Set<String> bigrams) {

		static Phrase of(String phrase) {
			String key = phraseKey(phrase);
			return new Phrase(key, IdentityResolver.bigrams(key));
		}

	}

	/**
	 * What the industry similarity of a pair reads of each listing, prepared once per
	 * listing rather than once per pair.
	 *
	 * @param phrase its industry phrase as compared
	 * @param industries its industries
	 * @param confidence its least confident industry's confidence; 0 when unclassified
	 */
	private record Traits(Phrase phrase, List<IndustryTree.Industry> industries, double confidence) {

		static Traits of(ResolvedListing listing) {
			return of(listing, Phrase.of(listing.industryPhrase()));
		}

		/** A listing's traits with its phrase already read (one per distinct phrase). */
		static Traits of(ResolvedListing listing, Phrase phrase) {
			return new Traits(phrase, listing.industries(), listing.industryConfidence());
		}

	}

	/**
	 * Two clusters that may be one: a pair of their listings scored high enough to be
	 * worth an analyst's look, but did not merge. Equal when keys, score and evidence
	 * are.
	 */
	public static final class PossibleMatch {

		private final String from;

		private final String to;

		private final double score;

		private final Supplier<String> evidence;

		/**
		 * A possible match.
		 * @param from the key that sorts first
		 * @param to the other key
		 * @param score the pair's score
		 * @param evidence the rule and evidence of the best pair
		 */
		public PossibleMatch(String from, String to, double score, String evidence) {
			this(from, to, score, () -> evidence);
		}

		/**
		 * A possible match whose evidence is written when it is asked for: a large load
		 * has hundreds of thousands, and their evidence is read once, when it is written.
		 */
		PossibleMatch(String from, String to, double score, Supplier<String> evidence) {
			this.from = from;
			this.to = to;
			this.score = score;
			this.evidence = evidence;
		}

		/**
		 * The key that sorts first.
		 * @return a cluster key
		 */
		public String from() {
			return this.from;
		}

		/**
		 * The other key.
		 * @return a cluster key
		 */
		public String to() {
			return this.to;
		}

		/**
		 * The score of the best pair.
		 * @return 0 to 1
		 */
		public double score() {
			return this.score;
		}

		/**
		 * The rule and evidence of the best pair, in words; the same text every time.
		 * @return the evidence
		 */
		public String evidence() {
			return this.evidence.get();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PossibleMatch that && this.from.equals(that.from) && this.to.equals(that.to)
					&& Double.compare(this.score, that.score) == 0 && evidence().equals(that.evidence());
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.from, this.to, this.score, evidence());
		}

		@Override
		public String toString() {
			return "PossibleMatch[from=" + this.from + ", to=" + this.to + ", score=" + this.score + ", evidence="
					+ evidence() + "]";
		}

	}

	/**
	 * The listings of one resolution in the order of their identity keys (then lines),
	 * with each one's key and list edition, computed once.
	 */
	private static final class Listings {

		private final List<ResolvedListing> ordered;

		private final String[] keys;

		private final int[] editions;

		private Listings(List<ResolvedListing> ordered, String[] keys, int[] editions) {
			this.ordered = ordered;
			this.keys = keys;
			this.editions = editions;
		}

		static Listings of(List<ResolvedListing> listings) {
			String[] keyOf = new String[listings.size()];
			Integer[] order = new Integer[listings.size()];
			for (int i = 0; i < keyOf.length; i++) {
				keyOf[i] = listings.get(i).raw().identityKey();
				order[i] = i;
			}
			Arrays.sort(order, Comparator.comparing((Integer i) -> keyOf[i])
				.thenComparingInt((i) -> listings.get(i).raw().line()));
			List<ResolvedListing> ordered = new ArrayList<>(order.length);
			String[] keys = new String[order.length];
			int[] editions = new int[order.length];
			Map<String, Integer> editionNumbers = new HashMap<>();
			for (int i = 0; i < order.length; i++) {
				ResolvedListing listing = listings.get(order[i]);
				ordered.add(listing);
				keys[i] = keyOf[order[i]];
				editions[i] = editionNumbers.computeIfAbsent(listing.edition(), (e) -> editionNumbers.size());
			}
			return new Listings(Collections.unmodifiableList(ordered), keys, editions);
		}

		List<ResolvedListing> ordered() {
			return this.ordered;
		}

		String key(int i) {
			return this.keys[i];
		}

		int edition(int i) {
			return this.editions[i];
		}

		/**
		 * A listing and the edition of another, as one number.
		 */
		long withEdition(int listing, int other) {
			return ((long) listing << 32) | this.editions[other];
		}

		/**
		 * The listings with an identity key, in order.
		 */
		List<Integer> withKey(String key) {
			int low = 0;
			int high = this.keys.length;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (this.keys[middle].compareTo(key) < 0) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			List<Integer> found = new ArrayList<>();
			for (int i = low; i < this.keys.length && this.keys[i].equals(key); i++) {
				found.add(i);
			}
			return found;
		}

		/**
		 * A listing's identity key, with {@code #n} for the n-th listing of one key.
		 */
		String anchor(int i) {
			int first = i;
			while (first > 0 && this.keys[first - 1].equals(this.keys[i])) {
				first--;
			}
			return (first == i) ? this.keys[i] : this.keys[i] + "#" + (i - first + 1);
		}

	}

	/**
	 * The identity decisions of a cluster's members, in the members' order: the cluster's
	 * list of members and an array of their decisions. Immutable.
	 */
	private static final class MemberDecisions extends AbstractMap<ResolvedListing, List<Decision>> {

		private final List<ResolvedListing> members;

		private final List<Decision>[] decisions;

		MemberDecisions(List<ResolvedListing> members, List<Decision>[] decisions) {
			this.members = members;
			this.decisions = decisions;
		}

		@Override
		public @Nullable List<Decision> get(Object key) {
			int at = indexOf(key);
			return (at >= 0) ? this.decisions[at] : null;
		}

		@Override
		public boolean containsKey(Object key) {
			return indexOf(key) >= 0;
		}

		private int indexOf(Object key) {
			for (int i = 0; i < this.decisions.length; i++) {
				if (this.members.get(i) == key) {
					return i;
				}
			}
			return this.members.indexOf(key);
		}

		@Override
		public int size() {
			return this.decisions.length;
		}

		@Override
		public Set<Map.Entry<ResolvedListing, List<Decision>>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Map.Entry<ResolvedListing, List<Decision>>> iterator() {
					return new Iterator<>() {

						private int next;

						@Override
						public boolean hasNext() {
							return this.next < MemberDecisions.this.decisions.length;
						}

						@Override
						public Map.Entry<ResolvedListing, List<Decision>> next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							int at = this.next++;
							return new AbstractMap.SimpleImmutableEntry<>(MemberDecisions.this.members.get(at),
									MemberDecisions.this.decisions[at]);
						}

					};
				}

				@Override
				public int size() {
					return MemberDecisions.this.decisions.length;
				}

			};
		}

	}

	/** A growing list of numbers, unboxed. */
	private static final class IntList {

		private int[] values;

		private int size;

		IntList() {
			this.values = new int[4];
		}

		private IntList(int[] values) {
			this.values = values;
			this.size = values.length;
		}

		static IntList of(int[] values) {
			return new IntList(values);
		}

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		/** Adds a value unless it was the last one added. */
		void addOnce(int value) {
			if (this.size == 0 || this.values[this.size - 1] != value) {
				add(value);
			}
		}

		int get(int index) {
			return this.values[index];
		}

		int size() {
			return this.size;
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

	/**
	 * The clusters and their possible matches.
	 *
	 * @param clusters the clusters, ordered by id
	 * @param possibleMatches the pairs of clusters that may be one, by keys
	 */
	public record Resolution(List<ResolvedCluster> clusters, List<PossibleMatch> possibleMatches) {
	}

	/** What a row of {@code identity-overrides.csv} asks for. */
	enum Action {

		/** The two listings are one cluster. */
		MERGE,

		/** The two listings are never one cluster. */
		SEPARATE;

		static @Nullable Action of(String text) {
			for (Action action : values()) {
				if (action.name().equals(text)) {
					return action;
				}
			}
			return null;
		}

	}

	/** How the places of two listings relate. */
	enum PlaceRelation {

		/** The same regions. */
		SAME,

		/** One's regions contain the other's, inside one prefecture-level unit. */
		CONTAINS

	}

	/** A curated decision of {@code identity-overrides.csv}. */
	private record Curated(Action action, String listing, String other, String reason, int line) {
	}

	/**
	 * Groups of listings: a parent per listing to find a group's root, and a ring of the
	 * next member per listing, so that a group's members are walked without visiting the
	 * others.
	 */
	static final class UnionFind {

		private final int[] parent;

		private final int[] next;

		UnionFind(int size) {
			this.parent = new int[size];
			this.next = new int[size];
			for (int i = 0; i < size; i++) {
				this.parent[i] = i;
				this.next[i] = i;
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
				// splicing two rings makes one
				int after = this.next[ra];
				this.next[ra] = this.next[rb];
				this.next[rb] = after;
			}
		}

		/**
		 * The members of a listing's group, in ascending order.
		 * @param i a listing
		 * @return its group
		 */
		List<Integer> members(int i) {
			List<Integer> members = new ArrayList<>();
			int j = i;
			do {
				members.add(j);
				j = this.next[j];
			}
			while (j != i);
			members.sort(null);
			return members;
		}

	}

}
