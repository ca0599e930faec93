package org.clustergraph.ingest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The keyword classifier on named phrases, on every real listing, and against the
 * hand-labelled sample (kept apart from the keyword table, in
 * {@code src/test/resources/labelled/}).
 */
class IndustryClassifierTests {

	private static List<String> classify(String phrase) {
		return RealSeeds.CLASSIFIER.classify(phrase).industries().stream().map(IndustryTree.Industry::code).toList();
	}

	@Test
	void classifiesPhrasesToTheMostSpecificClass() {
		assertThat(classify("数控成形机床")).containsExactly("3422");
		assertThat(classify("无纺布")).containsExactly("1781");
		assertThat(classify("动力电池")).containsExactly("3841");
	}

	@Test
	void classifiesEachPhraseOnceAndGivesEveryListingOfItThatClassification() {
		// a load of 640,000 listings names a few thousand phrases: listings of one phrase
		// hold one classification, not one each
		IndustryClassifier classifier = new IndustryClassifier(RealSeeds.INDUSTRIES, List.of());
		IndustryClassifier.Classification first = classifier.classify("数控成形机床");
		assertThat(classifier.classify(new String("数控成形机床"))).isSameAs(first);
		assertThat(classifier.classify("无纺布")).isNotSameAs(first);
		assertThat(classifier.classify("无纺布"))
			.isEqualTo(new IndustryClassifier(RealSeeds.INDUSTRIES, List.of()).classify("无纺布"));
	}

	@Test
	void fallsBackToADivisionWhereNoClassFits() {
		assertThat(classify("生物医药")).containsExactly("27");
	}

	@Test
	void givesAPhraseNamingTwoIndustriesBoth() {
		assertThat(classify("海洋生物与医药")).hasSizeGreaterThanOrEqualTo(2);
	}

	/** The standard's names and notes alone, without one row of the keyword table. */
	private static final IndustryClassifier STANDARD_ONLY = new IndustryClassifier(RealSeeds.INDUSTRIES, List.of(),
			RealSeeds.table("reference/gbt4754-2017-notes.csv"), RealSeeds.table("reference/gbt4754-2017-sei2018.csv"));

	private static List<String> divisions(String phrase) {
		return divisions(STANDARD_ONLY, phrase);
	}

	private static List<String> divisions(IndustryClassifier classifier, String phrase) {
		return classifier.classify(phrase)
			.industries()
			.stream()
			.map((i) -> RealSeeds.INDUSTRIES.division(i).code())
			.distinct()
			.toList();
	}

	@Test
	void classifiesPhrasesNoListHasUsedFromTheStandardsOwnTexts() {
		assertThat(divisions("视听设备制造")).containsExactly("39");
		assertThat(divisions("香料加工")).containsExactly("26");
		assertThat(divisions("人工智能应用软件")).containsExactly("65");
		assertThat(divisions("金铜精深加工")).containsExactly("32");
		assertThat(divisions("黄金珠宝")).containsExactly("24");
		assertThat(divisions("白羽肉鸡")).containsExactly("03");
		assertThat(divisions("绝缘子")).isNotEmpty().allMatch((d) -> d.equals("38") || d.equals("30"));
	}

	@Test
	void givesAPartTheIndustryOfWhatItIsAPartOf() {
		assertThat(classify("商用车及部件")).contains("3670");
		assertThat(divisions("具身智能零部件")).doesNotContain("36").containsExactly("34");
		assertThat(divisions("工程装备零部件")).doesNotContain("36");
		assertThat(STANDARD_ONLY.classify("具身智能零部件").decisions()).anyMatch((d) -> d.rule().equals("part-of"));
	}

	@Test
	void readsAServiceHeadAsAService() {
		assertThat(divisions("智能制造系统集成服务")).containsExactly("65");
		assertThat(STANDARD_ONLY.classify("智能制造系统集成服务").assignments()).singleElement()
			.satisfies((a) -> assertThat(a.evidence()).contains("a service").contains("6531"));
	}

	@Test
	void sharesACoordinationsHeadWithTheConjunctsThatHaveNone() {
		// 石化 alone is 2511 and 核电 alone 4414: here they say what the equipment is for
		assertThat(divisions(RealSeeds.CLASSIFIER, "石化与冶金装备")).containsExactly("35");
		assertThat(divisions(RealSeeds.CLASSIFIER, "核电与海洋工程装备")).doesNotContain("25", "44").contains("37");
		// a head after attributes only names an industry of its own
		assertThat(divisions(RealSeeds.CLASSIFIER, "生物医药及智能装备")).contains("27");
	}

	@Test
	void dropsAConjunctThatOnlyNamesTheKindOfAnother() {
		assertThat(classify("工业机器人及智能装备")).containsExactly("3491");
		assertThat(classify("数控机床及智能装备")).containsExactly("3421");
	}

	@Test
	void findsEquipmentForTheIndustryAModifierNames() {
		// 电网 (power grids) is 4420 电力供应; no class of 33-40 is named after it, but
		// several after 电力
		assertThat(divisions(RealSeeds.CLASSIFIER, "电网设备")).containsExactly("38");
		assertThat(divisions(RealSeeds.CLASSIFIER, "电网装备")).containsExactly("38");
	}

	@Test
	void readsANoteWordUsedInTwoDivisionsAsTheOneThatUsesItMore() {
		// 核酸: the notes of 2720, 2761 and 2762 against those of 2614 and 2662
		assertThat(divisions("核酸")).containsExactly("27");
	}

	@Test
	void findsTheEquipmentOfWhatTheModifierNames() {
		assertThat(divisions("石油钻采装备")).containsExactly("35");
		assertThat(divisions("纺织机械")).containsExactly("35");
	}

	@Test
	void takesTheIndustryTheStandardNamesAfterTheModifierOrTheLastWord() {
		// equipment of what the standard's class names contain: every class named after
		// 仪表
		// lies in 40
		assertThat(divisions("仪表设备")).containsExactly("40");
		assertThat(STANDARD_ONLY.classify("仪表设备").assignments()).singleElement()
			.satisfies((a) -> assertThat(a.evidence()).contains("after '仪表'"));
		// a brand before the product: the last word is the head
		assertThat(divisions("古越龙山酒业")).containsExactly("15");
	}

	@Test
	void givesEveryIndustryAConfidenceAndItsEvidence() {
		IndustryClassifier.Classification classification = STANDARD_ONLY.classify("白羽肉鸡");
		assertThat(classification.assignments()).singleElement().satisfies((a) -> {
			assertThat(a.industry().code()).isEqualTo("0321");
			assertThat(a.confidence()).isBetween(0.5, 1.0);
			assertThat(a.rule()).isEqualTo("standard-note");
			assertThat(a.evidence()).contains("0321 鸡的饲养");
		});
	}

	@Test
	void takesAProductWordFromTheVocabularyWithItsRowAsEvidence() {
		List<Csv.Row> vocabulary = Csv.read("product-vocabulary.csv",
				List.of("code,term,note", "4119,拉链,zippers", "3482,紧固件,fasteners"), "code", "term", "note");
		IndustryClassifier classifier = new IndustryClassifier(RealSeeds.INDUSTRIES, List.of(),
				RealSeeds.table("reference/gbt4754-2017-notes.csv"), List.of(), vocabulary);
		assertThat(classifier.classify("拉链").assignments()).singleElement().satisfies((a) -> {
			assertThat(a.industry().code()).isEqualTo("4119");
			assertThat(a.rule()).isEqualTo("product-vocabulary");
			assertThat(a.evidence()).contains("product-vocabulary.csv:2").contains("zippers");
		});
		assertThat(classifier.classify("高强度紧固件").industries()).extracting(IndustryTree.Industry::code)
			.containsExactly("3482");
	}

	@Test
	void refusesAVocabularyWordInMoreThanTwoRows() {
		List<Csv.Row> vocabulary = Csv.read("product-vocabulary.csv",
				List.of("code,term,note", "0412,珍珠,a", "2438,珍珠,b", "3059,珍珠,c"), "code", "term", "note");
		assertThatThrownBy(
				() -> new IndustryClassifier(RealSeeds.INDUSTRIES, List.of(), List.of(), List.of(), vocabulary))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("product-vocabulary.csv:4")
			.hasMessageContaining("more than two rows");
		List<Csv.Row> repeated = Csv.read("product-vocabulary.csv", List.of("code,term,note", "4119,拉链,a", "4119,拉链,b"),
				"code", "term", "note");
		assertThatThrownBy(
				() -> new IndustryClassifier(RealSeeds.INDUSTRIES, List.of(), List.of(), List.of(), repeated))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("product-vocabulary.csv:3")
			.hasMessageContaining("repeats line 2");
	}

	@Test
	void refusesAPartWordAsAKeywordOfItsOwn() {
		List<Csv.Row> rows = Csv.read("industry-keywords.csv",
				List.of("keyword,codes,reason", "零部件,3670,parts are vehicle parts"), "keyword", "codes", "reason");
		assertThatThrownBy(() -> new IndustryClassifier(RealSeeds.INDUSTRIES, rows)).isInstanceOf(SourceException.class)
			.hasMessageContaining("industry-keywords.csv:2")
			.hasMessageContaining("part word");
	}

	@Test
	void leavesAtMostOnePercentOfListingsUnclassified() {
		List<String> unclassified = new ArrayList<>();
		int total = 0;
		for (ProgramDescriptor program : RealSeeds.PROGRAMS) {
			for (RawListing listing : RealSeeds.listings(program.key())) {
				total++;
				Place context = RealSeeds.PLACES.context(program.contextProvince(), listing.context());
				String phrase = RealSeeds.PLACES.resolve(listing.nameAsListed(), context).industryPhrase();
				if (classify(phrase).isEmpty()) {
					unclassified.add(listing.nameAsListed());
				}
			}
		}
		assertThat(total).isEqualTo(638);
		assertThat(unclassified.size()).as("unclassified: %s", unclassified).isLessThanOrEqualTo(total / 100);
	}

	@Test
	void agreesWithTheHandLabelledSample() throws Exception {
		List<Csv.Row> sample = Csv.read("industry-sample.csv",
				Files.readAllLines(Path.of("src/test/resources/labelled/industry-sample.csv")), "document", "line",
				"name_as_listed", "codes", "acceptable");
		assertThat(sample).hasSizeGreaterThanOrEqualTo(150);
		List<String> wrong = new ArrayList<>();
		for (Csv.Row row : sample) {
			RawListing listing = RealSeeds.PROGRAMS.stream()
				.flatMap((p) -> RealSeeds.listings(p.key()).stream())
				.filter((l) -> l.document().equals(row.get("document"))
						&& l.line() == Integer.parseInt(row.get("line")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no listing at " + row.get("document") + ":" + row.get("line")));
			assertThat(listing.nameAsListed()).isEqualTo(row.get("name_as_listed"));
			ProgramDescriptor program = RealSeeds.program(listing.program());
			Place context = RealSeeds.PLACES.context(program.contextProvince(), listing.context());
			List<String> predicted = classify(
					RealSeeds.PLACES.resolve(listing.nameAsListed(), context).industryPhrase());
			Set<String> labels = codes(row.get("codes"));
			Set<String> accepted = new HashSet<>(labels);
			accepted.addAll(codes(row.get("acceptable")));
			boolean right = !predicted.isEmpty()
					&& predicted.stream().allMatch((code) -> compatible(code, labels, accepted));
			if (!right) {
				wrong.add(listing.nameAsListed() + " predicted " + predicted + " labelled " + labels + " accepting "
						+ accepted);
			}
		}
		double accuracy = 1.0 - (double) wrong.size() / sample.size();
		System.out.printf("Industry classifier: %d of %d hand-labelled listings right (%.1f%%)%n",
				sample.size() - wrong.size(), sample.size(), accuracy * 100);
		wrong.forEach((w) -> System.out.println("  disagrees: " + w));
		assertThat(accuracy).as("wrong: %s", wrong).isGreaterThanOrEqualTo(0.85);
	}

	/**
	 * Whether a predicted code agrees with a hand label: it is one of the labelled or
	 * acceptable codes, a more specific code under a labelled one, or a division or group
	 * above a labelled code (a section above it is too broad to count).
	 */
	private static boolean compatible(String predicted, Set<String> labels, Set<String> accepted) {
		if (accepted.contains(predicted)) {
			return true;
		}
		IndustryTree.Industry industry = RealSeeds.INDUSTRIES.find(predicted);
		for (String label : labels) {
			IndustryTree.Industry labelled = RealSeeds.INDUSTRIES.find(label);
			if (RealSeeds.INDUSTRIES.isUnder(industry, labelled)) {
				return true;
			}
			if (!"SECTION".equals(industry.level()) && RealSeeds.INDUSTRIES.isUnder(labelled, industry)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> codes(String field) {
		Set<String> codes = new HashSet<>();
		for (String code : field.split(";")) {
			if (!code.isBlank()) {
				codes.add(code.strip());
			}
		}
		return codes;
	}

}
