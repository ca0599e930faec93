package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Identity resolution on the real listings, with the override table empty.
 */
class IdentityResolverTests {

	private static final List<ResolvedListing> LISTINGS = resolveAll();

	private static List<ResolvedListing> resolveAll() {
		List<ResolvedListing> out = new ArrayList<>();
		for (ProgramDescriptor program : RealSeeds.PROGRAMS) {
			for (RawListing raw : RealSeeds.listings(program.key())) {
				Place context = RealSeeds.PLACES.context(program.contextProvince(), raw.context());
				PlaceResolver.Placement placement = RealSeeds.PLACES.resolve(raw.nameAsListed(), context);
				IndustryClassifier.Classification classification = RealSeeds.CLASSIFIER
					.classify(placement.industryPhrase());
				out.add(new ResolvedListing(raw, placement.places(), placement.industryPhrase(),
						classification.assignments(), placement.decisions()));
			}
		}
		return List.copyOf(out);
	}

	private static List<ResolvedCluster> resolve(List<ResolvedListing> listings, List<Csv.Row> overrides) {
		return new IdentityResolver(RealSeeds.GAZETTEER, RealSeeds.INDUSTRIES, overrides, RealSeeds.COMPILED)
			.resolve(listings);
	}

	private static final List<ResolvedCluster> CLUSTERS = resolve(LISTINGS, List.of());

	private static ResolvedCluster clusterOf(String nameAsListed) {
		return CLUSTERS.stream()
			.filter((c) -> c.listings().stream().anyMatch((l) -> l.raw().nameAsListed().equals(nameAsListed)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no listing " + nameAsListed));
	}

	private static Set<String> names(ResolvedCluster cluster) {
		return cluster.listings().stream().map((l) -> l.raw().nameAsListed()).collect(Collectors.toSet());
	}

	@Test
	void mergesTheSameClusterListedAtPrefectureAndCountyLevel() {
		ResolvedCluster yangzhou = clusterOf("扬州数控成形机床创新型产业集群");
		assertThat(names(yangzhou)).contains("江苏省扬州市邗江区数控成形机床产业集群");
		assertThat(yangzhou.regions()).extracting(Place::code).containsExactly("321003");
		assertThat(yangzhou.name()).isEqualTo("江苏省扬州市邗江区数控成形机床产业集群");
		assertThat(yangzhou.identity().values()).allSatisfy(
				(decisions) -> assertThat(decisions).anySatisfy((d) -> assertThat(d.rule()).startsWith("cross-list:")));
	}

	@Test
	void mergesProvincialAndNationalListingsOfOneCluster() {
		assertThat(names(clusterOf("仙桃市无纺布产业集群"))).contains("湖北省仙桃市无纺布产业集群");
		assertThat(names(clusterOf("永嘉泵阀产业群"))).contains("浙江省永嘉县泵阀产业集群");
	}

	@Test
	void mergesExactRepeatsInsideTheZhejiangList() {
		for (String repeated : List.of("瑞安汽配产业群", "余姚塑料产业群", "嵊州领带产业群", "宁海模具产业群", "黄岩模具产业群")) {
			ResolvedCluster cluster = clusterOf(repeated);
			assertThat(cluster.listings().stream().filter((l) -> l.raw().nameAsListed().equals(repeated))).as(repeated)
				.hasSize(2);
		}
	}

	@Test
	void keepsATownsClusterApartFromItsCountysClusterOfTheSameIndustry() {
		ResolvedCluster yaqian = clusterOf("衙前化纤产业集群");
		ResolvedCluster xiaoshan = clusterOf("萧山化纤产业群");
		assertThat(yaqian.key()).isNotEqualTo(xiaoshan.key());
	}

	@Test
	void neverPutsTwoEntriesOfAnOfficialListIntoOneClusterNorACompiledListsEntriesOfTwoPlaces() {
		for (ResolvedCluster cluster : CLUSTERS) {
			var byEdition = cluster.listings().stream().collect(Collectors.groupingBy(ResolvedListing::edition));
			byEdition.forEach((edition, entries) -> {
				if (RealSeeds.COMPILED.contains(entries.get(0).raw().program())) {
					assertThat(entries.stream().map((l) -> Set.copyOf(l.places())).distinct())
						.as(cluster.name() + " in " + edition)
						.hasSize(1);
				}
				else {
					assertThat(entries).as(cluster.name() + " in " + edition).hasSize(1);
				}
			});
		}
	}

	@Test
	void keepsBothClustersWhenAnOfficialListPrintsOneNameTwice() {
		// The same name under two provinces' headings of one edition: two clusters, two
		// keys, and the first keeps the key it has when the name is printed once.
		ResolvedListing first = LISTINGS.stream()
			.filter((l) -> l.raw().program().equals("miit-sme"))
			.findFirst()
			.orElseThrow();
		RawListing raw = first.raw();
		ResolvedListing again = new ResolvedListing(
				new RawListing(raw.program(), raw.year(), raw.rank() + 1000, raw.nameAsListed(), raw.document(),
						raw.line() + 100000, raw.context(), raw.url()),
				List.of(RealSeeds.GAZETTEER.find("650100")), first.industryPhrase(), first.assignments(), List.of());
		List<ResolvedListing> listings = new ArrayList<>(LISTINGS);
		listings.add(again);
		List<ResolvedCluster> clusters = resolve(listings, List.of());
		assertThat(clusters).hasSize(CLUSTERS.size() + 1);
		assertThat(clusters.stream().map(ResolvedCluster::key).distinct()).hasSize(clusters.size());
		List<ResolvedCluster> named = clusters.stream()
			.filter((c) -> c.listings().stream().anyMatch((l) -> l.raw().nameAsListed().equals(raw.nameAsListed())))
			.toList();
		assertThat(named).hasSize(2);
		assertThat(named).extracting(ResolvedCluster::key).contains(clusterOf(raw.nameAsListed()).key());
	}

	@Test
	void keepsClusterIdsAcrossReorderingsOfTheInput() {
		List<ResolvedListing> shuffled = new ArrayList<>(LISTINGS);
		Collections.shuffle(shuffled, new Random(7));
		List<String> keys = resolve(shuffled, List.of()).stream().map(ResolvedCluster::key).toList();
		assertThat(keys).isEqualTo(CLUSTERS.stream().map(ResolvedCluster::key).toList());
	}

	@Test
	void forcesAndForbidsMergesByOverrideRowsWithoutTouchingOtherClusters() {
		Csv.Row separate = new Csv.Row("identity-overrides.csv", 2, java.util.Map.of("action", "SEPARATE", "listing",
				"most-pilot||扬州数控成形机床创新型产业集群", "other", "miit-sme|2023|江苏省扬州市邗江区数控成形机床产业集群", "reason", "test"));
		List<ResolvedCluster> clusters = resolve(LISTINGS, List.of(separate));
		assertThat(clusters).hasSize(CLUSTERS.size() + 1);
		ResolvedCluster untouched = clusterOf("仙桃市无纺布产业集群");
		assertThat(clusters).extracting(ResolvedCluster::key).contains(untouched.key());

		Csv.Row merge = new Csv.Row("identity-overrides.csv", 2, java.util.Map.of("action", "MERGE", "listing",
				"zhejiang||衙前化纤产业集群", "other", "zhejiang||萧山化纤产业群", "reason", "test"));
		List<ResolvedCluster> merged = resolve(LISTINGS, List.of(merge));
		assertThat(merged).hasSize(CLUSTERS.size() - 1);
		assertThat(merged.stream().filter((c) -> names(c).contains("衙前化纤产业集群"))).singleElement()
			.satisfies((c) -> assertThat(names(c)).contains("萧山化纤产业群"));
	}

	@Test
	void findsTheSameClusterPairsAnAnalystFoundAndMergesNoLookAlikes() {
		Set<String> truth = LabelledIdentity.samePairs();
		Set<String> predicted = LabelledIdentity.predictedPairs(CLUSTERS);
		Set<String> found = new java.util.TreeSet<>(predicted);
		found.retainAll(truth);
		Set<String> missed = new java.util.TreeSet<>(truth);
		missed.removeAll(predicted);
		Set<String> extra = new java.util.TreeSet<>(predicted);
		extra.removeAll(truth);
		double precision = (double) found.size() / predicted.size();
		double recall = (double) found.size() / truth.size();
		System.out.printf("Identity: %d labelled pairs, %d merged, %d of them right: precision %.2f, recall %.2f%n",
				truth.size(), predicted.size(), found.size(), precision, recall);
		System.out.println("  missed: " + missed);
		System.out.println("  not in the answer: " + extra);
		assertThat(recall).as("missed %s", missed).isGreaterThanOrEqualTo(0.8);
		assertThat(precision).as("merged beyond the answer %s", extra).isGreaterThanOrEqualTo(0.9);
		Set<String> lookAlikes = new java.util.TreeSet<>(LabelledIdentity.distinctPairs());
		lookAlikes.retainAll(predicted);
		assertThat(lookAlikes).as("look-alike pairs the answer keeps apart without doubt").isEmpty();
	}

	@Test
	void mergesTheIssuesExamplesWithTheOverrideTablesEmpty() {
		assertThat(names(clusterOf("十堰商用车及部件创新型产业集群"))).contains("十堰市商用汽车产业集群", "湖北省十堰市茅箭区商用车制造产业集群");
		assertThat(names(clusterOf("天津基于国产自主可控的信息安全产业集群"))).contains("天津市滨海新区自主可控信息安全设备产业集群");
		assertThat(names(clusterOf("长兴纺织产业集群"))).contains("长兴县纺织产业集群");
		assertThat(names(clusterOf("上虞伞业产业群"))).contains("上虞伞产业群");
		assertThat(names(clusterOf("台州黄岩塑料模具集群"))).contains("黄岩模具产业群", "浙江省台州市黄岩区塑料成型模具产业集群");
	}

	@Test
	void scoresEveryMergeAndKeepsNearMissesAsPossibleMatches() {
		IdentityResolver.Resolution resolution = new IdentityResolver(RealSeeds.GAZETTEER, RealSeeds.INDUSTRIES,
				List.of(), RealSeeds.COMPILED)
			.resolution(LISTINGS);
		assertThat(clusterOf("十堰市商用汽车产业集群").identity().values()).allSatisfy((decisions) -> assertThat(decisions)
			.anySatisfy((d) -> assertThat(d.detail()).containsPattern("score \\d\\.\\d\\d")));
		assertThat(resolution.possibleMatches()).isNotEmpty().allSatisfy((m) -> {
			assertThat(m.score()).isBetween(IdentityResolver.POSSIBLE_AT, 1.0);
			assertThat(m.from()).isLessThan(m.to());
		});
		Set<String> keys = resolution.clusters().stream().map(ResolvedCluster::key).collect(Collectors.toSet());
		assertThat(resolution.possibleMatches()).allSatisfy((m) -> assertThat(keys).contains(m.from(), m.to()));
		String yaqian = clusterOf("衙前化纤产业集群").key();
		String xiaoshan = clusterOf("萧山化纤产业群").key();
		assertThat(resolution.possibleMatches())
			.anySatisfy((m) -> assertThat(Set.of(m.from(), m.to())).containsExactlyInAnyOrder(yaqian, xiaoshan));
	}

	@Test
	void writesTheSameEvidenceEachTimeItIsAskedFor() {
		// identity evidence is written on demand, so that a large load does not hold it:
		// it is the same text each time, and a decision equals one written out
		IdentityResolver.Resolution resolution = resolver().resolution(LISTINGS);
		ResolvedCluster shiyan = resolution.clusters()
			.stream()
			.filter((c) -> c.listings().stream().anyMatch((l) -> l.raw().nameAsListed().equals("十堰市商用汽车产业集群")))
			.findFirst()
			.orElseThrow();
		Decision merge = shiyan.identity()
			.values()
			.stream()
			.flatMap(List::stream)
			.filter((d) -> d.rule().startsWith("cross-list:"))
			.findFirst()
			.orElseThrow();
		String detail = merge.detail();
		assertThat(detail).containsPattern("score \\d\\.\\d\\d").contains("十堰");
		assertThat(merge.detail()).isEqualTo(detail).isNotSameAs(detail);
		Decision written = Decision.identity(merge.rule(), detail);
		assertThat(merge).isEqualTo(written).hasSameHashCodeAs(written).hasToString(written.toString());
		assertThat(merge).isNotEqualTo(Decision.identity(merge.rule(), detail + "."));
		IdentityResolver.PossibleMatch match = resolution.possibleMatches().get(0);
		String evidence = match.evidence();
		assertThat(evidence).containsPattern("^[a-z:+-]+: score \\d\\.\\d\\d");
		IdentityResolver.PossibleMatch same = new IdentityResolver.PossibleMatch(match.from(), match.to(),
				match.score(), evidence);
		assertThat(match).isEqualTo(same).hasSameHashCodeAs(same);
		// a cluster's decisions are found by member, in the members' order
		assertThat(shiyan.identity().keySet()).containsExactlyElementsOf(shiyan.listings());
		assertThat(shiyan.identity()).isEqualTo(new java.util.LinkedHashMap<>(shiyan.identity()));
		ResolvedListing member = shiyan.listings().get(shiyan.listings().size() - 1);
		ResolvedListing equal = new ResolvedListing(member.raw(), member.places(), member.industryPhrase(),
				member.assignments(), member.decisions());
		assertThat(shiyan.identity().get(equal)).isSameAs(shiyan.identity().get(member)).isNotEmpty();
		assertThat(shiyan.identity().get(LISTINGS.get(0) == member ? LISTINGS.get(1) : LISTINGS.get(0))).isNull();
		assertThatThrownBy(() -> shiyan.identity().put(member, List.of()))
			.isInstanceOf(UnsupportedOperationException.class);
		// and the clusters of one listing share their one decision
		List<List<Decision>> singles = resolution.clusters()
			.stream()
			.filter((c) -> c.listings().size() == 1)
			.map((c) -> c.identity().get(c.listings().get(0)))
			.toList();
		assertThat(singles).hasSizeGreaterThan(100)
			.allSatisfy((d) -> assertThat(d).isSameAs(singles.get(0)))
			.allSatisfy((d) -> assertThat(d).singleElement().extracting(Decision::rule).isEqualTo("single"));
	}

	private static ResolvedListing listing(String program, Integer year, int line, String name) {
		PlaceResolver.Placement placement = RealSeeds.PLACES.resolve(name, null);
		IndustryClassifier.Classification classification = RealSeeds.CLASSIFIER.classify(placement.industryPhrase());
		return new ResolvedListing(new RawListing(program, year, line, name, "test.txt", line, List.of(), null),
				placement.places(), placement.industryPhrase(), classification.assignments(), placement.decisions());
	}

	private static IdentityResolver resolver() {
		return new IdentityResolver(RealSeeds.GAZETTEER, RealSeeds.INDUSTRIES, List.of(), RealSeeds.COMPILED);
	}

	@Test
	void findsEveryPairOfListsThatAFullComparisonScores() {
		// candidates are met by block and by shared keys, not by comparing every pair:
		// every
		// pair of two lists that scores a possible match or more when compared ends in
		// one
		// cluster or in a possible match between its two clusters
		IdentityResolver resolver = resolver();
		IdentityResolver.Resolution resolution = resolver.resolution(LISTINGS);
		java.util.Map<ResolvedListing, String> keyOf = new java.util.IdentityHashMap<>();
		resolution.clusters().forEach((c) -> c.listings().forEach((l) -> keyOf.put(l, c.key())));
		Set<String> matched = resolution.possibleMatches()
			.stream()
			.map((m) -> m.from() + ">" + m.to())
			.collect(Collectors.toSet());
		int scored = 0;
		int countyInPrefectureWithoutSharedCharacters = 0;
		for (int i = 0; i < LISTINGS.size(); i++) {
			for (int j = i + 1; j < LISTINGS.size(); j++) {
				ResolvedListing x = LISTINGS.get(i);
				ResolvedListing y = LISTINGS.get(j);
				IdentityResolver.PlaceRelation places = resolver.placeRelation(x.places(), y.places());
				if (x.edition().equals(y.edition()) || places == null) {
					continue;
				}
				boolean containing = places == IdentityResolver.PlaceRelation.CONTAINS;
				double score = (containing ? 0.85 : 1.0) * resolver.industrySimilarity(x, y, containing).score();
				if (score < IdentityResolver.POSSIBLE_AT) {
					continue;
				}
				scored++;
				if (containing && IdentityResolver.dice(IdentityResolver.phraseKey(x.industryPhrase()),
						IdentityResolver.phraseKey(y.industryPhrase())) == 0) {
					countyInPrefectureWithoutSharedCharacters++;
				}
				String a = keyOf.get(x);
				String b = keyOf.get(y);
				String pair = (a.compareTo(b) < 0) ? a + ">" + b : b + ">" + a;
				assertThat(a.equals(b) || matched.contains(pair))
					.as("%s / %s (%.2f)", x.raw().nameAsListed(), y.raw().nameAsListed(), score)
					.isTrue();
			}
		}
		assertThat(scored).isPositive();
		// pairs that meet through their industries' division only, across a containing
		// place
		assertThat(countyInPrefectureWithoutSharedCharacters).isPositive();
	}

	@Test
	void meetsACountysListingAndItsPrefecturesThroughTheirIndustryAloneAmongManyOthers() {
		// a county and its prefecture name one class in words that share no characters
		// (台布 and 家用纺织品 are both 177 here), among listings of other industries in the
		// same prefecture-level unit: the pair is still scored
		List<ResolvedListing> listings = new ArrayList<>();
		listings.add(listing("test-a", 2024, 1, "江苏省扬州市邗江区家用纺织品产业集群"));
		listings.add(listing("test-b", 2024, 1, "江苏省扬州市台布产业集群"));
		String[] others = { "数控机床", "羽毛球", "水泥", "拖拉机", "金枪鱼罐头", "电动工具", "服装", "汽车零部件", "光伏", "食品" };
		for (int i = 0; i < others.length; i++) {
			listings.add(listing("test-c", 2024, 10 + i, "江苏省扬州市邗江区" + others[i] + "产业集群"));
		}
		assertThat(listings.get(0).places()).extracting(Place::code).containsExactly("321003");
		assertThat(listings.get(1).places()).extracting(Place::code).containsExactly("321000");
		assertThat(resolver().industryKeys(listings.get(0)))
			.containsAnyElementsOf(resolver().industryKeys(listings.get(1)));
		IdentityResolver.Resolution resolution = resolver().resolution(listings);
		ResolvedCluster county = resolution.clusters()
			.stream()
			.filter((c) -> names(c).contains("江苏省扬州市邗江区家用纺织品产业集群"))
			.findFirst()
			.orElseThrow();
		ResolvedCluster prefecture = resolution.clusters()
			.stream()
			.filter((c) -> names(c).contains("江苏省扬州市台布产业集群"))
			.findFirst()
			.orElseThrow();
		assertThat(county.key().equals(prefecture.key()) || resolution.possibleMatches()
			.stream()
			.anyMatch((m) -> Set.of(m.from(), m.to()).equals(Set.of(county.key(), prefecture.key())))).isTrue();
	}

	@Test
	void keepsAPhraseInsideAnotherApartAcrossAContainingPlaceWhenTheirIndustriesDiffer() {
		// 水泥 (3011) and 水泥制品 (3021): at a county inside the city, another product
		ResolvedListing county = listing("test-a", 2024, 1, "江苏省扬州市邗江区水泥制品产业集群");
		ResolvedListing city = listing("test-b", 2024, 1, "江苏省扬州市水泥产业集群");
		assertThat(county.industries()).extracting(IndustryTree.Industry::code).containsExactly("3021");
		assertThat(city.industries()).extracting(IndustryTree.Industry::code).containsExactly("3011");
		IdentityResolver resolver = resolver();
		assertThat(resolver.placeRelation(county.places(), city.places()))
			.isEqualTo(IdentityResolver.PlaceRelation.CONTAINS);
		IdentityResolver.Similarity across = resolver.industrySimilarity(county, city, true);
		assertThat(across.rule()).isEqualTo("phrase-within-phrase-other-industry");
		assertThat(0.85 * across.score()).isLessThan(IdentityResolver.MERGE_AT)
			.isGreaterThanOrEqualTo(IdentityResolver.POSSIBLE_AT);
		// at one place the longer phrase still counts as the same cluster named more
		// fully
		assertThat(resolver.industrySimilarity(county, city, false).score()).isEqualTo(IdentityResolver.PHRASE_WITHIN);
		IdentityResolver.Resolution resolution = resolver.resolution(List.of(county, city));
		assertThat(resolution.clusters()).hasSize(2);
		assertThat(resolution.possibleMatches()).singleElement()
			.satisfies((m) -> assertThat(m.evidence()).contains("phrase-within-phrase-other-industry"));
	}

	@Test
	void doesNotMergeAGroupWithAClassInItWhenThePhrasesShareNoCharacters() {
		// 台布 is classified at the group 177, 浴巾 at its class 1772: the group meets every
		// class in it, and the words give nothing to tell which
		ResolvedListing group = listing("test-a", 2024, 1, "江苏省扬州市台布产业集群");
		ResolvedListing member = listing("test-b", 2024, 1, "扬州浴巾产业集群");
		assertThat(group.industries()).extracting(IndustryTree.Industry::code).containsExactly("177");
		assertThat(member.industries()).extracting(IndustryTree.Industry::code).containsExactly("1772");
		IdentityResolver.Similarity similarity = resolver().industrySimilarity(group, member, false);
		assertThat(similarity.rule()).isEqualTo("industry-within-industry");
		assertThat(similarity.score()).isEqualTo(IdentityResolver.CODES_ALONE_WITHIN)
			.isLessThan(IdentityResolver.MERGE_AT);
		assertThat(resolver().resolve(List.of(group, member))).hasSize(2);
	}

	@Test
	void walksAGroupsMembersAfterAnyUnions() {
		Random random = new Random(3);
		IdentityResolver.UnionFind groups = new IdentityResolver.UnionFind(500);
		int[] label = new int[500];
		for (int i = 0; i < label.length; i++) {
			label[i] = i;
		}
		for (int n = 0; n < 400; n++) {
			int a = random.nextInt(500);
			int b = random.nextInt(500);
			groups.union(a, b);
			int from = label[b];
			int to = label[a];
			for (int i = 0; i < label.length; i++) {
				if (label[i] == from) {
					label[i] = to;
				}
			}
		}
		for (int i = 0; i < label.length; i++) {
			int own = label[i];
			List<Integer> expected = new ArrayList<>();
			for (int j = 0; j < label.length; j++) {
				if (label[j] == own) {
					expected.add(j);
				}
			}
			assertThat(groups.members(i)).as("members of %d", i).isEqualTo(expected);
			assertThat(groups.find(i)).isEqualTo(expected.get(0));
		}
	}

}
