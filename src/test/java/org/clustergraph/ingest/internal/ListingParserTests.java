package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser on the real seed documents, one test per list format, and on broken copies
 * of them.
 */
class ListingParserTests {

	private final ListingParser parser = new ListingParser();

	@Test
	void readsEveryListCompletelyWithTheCountsTheirHeadingsState() {
		assertThat(RealSeeds.listings("most-pilot")).hasSize(61);
		assertThat(RealSeeds.listings("most-cultivation")).hasSize(47);
		assertThat(RealSeeds.listings("zhejiang")).hasSize(120);
		assertThat(RealSeeds.listings("hubei")).hasSize(110);
		assertThat(RealSeeds.listings("miit-sme")).hasSize(300);
		for (ProgramDescriptor program : RealSeeds.PROGRAMS) {
			assertThat(this.parser.parse(program, RealSeeds.FILES.lines(program.document())).problems())
				.as(program.key())
				.isEmpty();
		}
	}

	@Test
	void givesTheEntriesOfOneRegionOrEditionOneInstanceOfIt() {
		// a load of 640,000 entries holds a few hundred regions and years
		List<RawListing> zhejiang = RealSeeds.listings("zhejiang");
		List<List<RawListing>> byContext = new ArrayList<>(
				zhejiang.stream().collect(java.util.stream.Collectors.groupingBy(RawListing::context)).values());
		assertThat(byContext).hasSizeGreaterThan(3).anySatisfy((entries) -> assertThat(entries).hasSizeGreaterThan(1));
		for (List<RawListing> entries : byContext) {
			assertThat(entries).allSatisfy((e) -> assertThat(e.context()).isSameAs(entries.get(0).context()));
		}
		List<RawListing> hubei = RealSeeds.listings("hubei");
		assertThat(hubei.get(1).context()).isEqualTo(hubei.get(0).context()).isSameAs(hubei.get(0).context());
		List<RawListing> miit = RealSeeds.listings("miit-sme");
		List<RawListing> of2023 = miit.stream().filter((e) -> Integer.valueOf(2023).equals(e.year())).toList();
		assertThat(of2023).hasSize(100).allSatisfy((e) -> assertThat(e.year()).isSameAs(of2023.get(0).year()));
	}

	@Test
	void readsRankThenNameLinesOfTheMostLists() {
		RawListing yangzhou = RealSeeds.listings("most-pilot").get(32);
		assertThat(yangzhou.rank()).isEqualTo(33);
		assertThat(yangzhou.nameAsListed()).isEqualTo("扬州数控成形机床创新型产业集群");
		assertThat(yangzhou.line()).isEqualTo(103);
		assertThat(yangzhou.year()).isNull();
		assertThat(yangzhou.context()).isEmpty();
		RawListing tianmen = RealSeeds.listings("most-cultivation").get(46);
		assertThat(tianmen.rank()).isEqualTo(47);
		assertThat(tianmen.nameAsListed()).isEqualTo("天门生物医药产业集群");
		assertThat(tianmen.line()).isEqualTo(334);
	}

	@Test
	void keepsTheZhejiangRegionColumnAsContext() {
		RawListing wangjiangjing = RealSeeds.listings("zhejiang").get(5);
		assertThat(wangjiangjing.nameAsListed()).isEqualTo("王江泾织造产业集群");
		assertThat(wangjiangjing.line()).isEqualTo(364);
		assertThat(wangjiangjing.context()).containsExactly("浙江", "嘉兴市");
		// The source writes a full-width comma once and no city once.
		assertThat(RealSeeds.listings("zhejiang").get(17).context()).containsExactly("浙江", "绍兴市");
		assertThat(RealSeeds.listings("zhejiang").stream().filter((l) -> l.nameAsListed().equals("桐乡市屠甸植绒纺织产业集群")))
			.singleElement()
			.satisfies((l) -> assertThat(l.context()).containsExactly("浙江"));
	}

	@Test
	void readsHubeiEntriesUnderTheirCityHeadings() {
		List<RawListing> hubei = RealSeeds.listings("hubei");
		RawListing huangpi = hubei.get(1);
		assertThat(huangpi.nameAsListed()).isEqualTo("武汉市黄陂区服装产业集群");
		assertThat(huangpi.line()).isEqualTo(828);
		assertThat(huangpi.context()).containsExactly("武汉市");
		RawListing xiantao = hubei.get(101);
		assertThat(xiantao.nameAsListed()).isEqualTo("仙桃市无纺布产业集群");
		assertThat(xiantao.context()).containsExactly("仙桃市");
		// 神农架林区 is written without the colon the other headings have.
		assertThat(hubei.get(109).context()).containsExactly("神农架林区");
		assertThat(hubei.get(12).nameAsListed()).isEqualTo("黄石市节能环保产业集群");
	}

	@Test
	void readsMiitRowsWithTheirEditionRankAndNotice() {
		List<RawListing> miit = RealSeeds.listings("miit-sme");
		RawListing yongjia = miit.get(24);
		assertThat(yongjia.nameAsListed()).isEqualTo("浙江省永嘉县泵阀产业集群");
		assertThat(yongjia.year()).isEqualTo(2022);
		assertThat(yongjia.rank()).isEqualTo(25);
		assertThat(yongjia.line()).isEqualTo(53);
		assertThat(yongjia.url()).contains("b15e3b5e0b154e9685fbaafd3a28b3c1.pdf");
		RawListing last = miit.get(299);
		assertThat(last.year()).isEqualTo(2024);
		assertThat(last.rank()).isEqualTo(100);
		assertThat(last.url()).contains("2d558a90926d4e268ab49e43a1218a45.pdf");
	}

	@Test
	void refusesAListWhoseCountDiffersFromItsHeading() {
		ProgramDescriptor pilot = RealSeeds.program("most-pilot");
		List<String> lines = new ArrayList<>(RealSeeds.FILES.lines(pilot.document()));
		lines.set(1, lines.get(1).replace("61个", "62个"));
		ListingParser.Result result = this.parser.parse(pilot, lines);
		assertThat(result.problems()).singleElement().satisfies((p) -> {
			assertThat(p.file()).isEqualTo("000_205a5886c7ee6398.txt");
			assertThat(p.line()).isEqualTo(2);
			assertThat(p.message()).contains("states 62 entries but 61 were read");
		});
	}

	@Test
	void refusesAMiitEditionWithoutItsHundredEntriesAndReportsGapsInTheSequence() {
		ProgramDescriptor miit = RealSeeds.program("miit-sme");
		List<String> lines = new ArrayList<>(RealSeeds.FILES.lines(miit.document()));
		int row = lines.indexOf("3 天津市滨海新区车规级芯片产业集群 2022 3");
		lines.remove(row);
		List<String> messages = this.parser.parse(miit, lines)
			.problems()
			.stream()
			.map(SourceProblem::toString)
			.toList();
		assertThat(messages).anyMatch((m) -> m.contains("总序号 4 where 3 was expected"));
		assertThat(messages).anyMatch((m) -> m.contains("edition 2022") && m.contains("has 99 entries"));
	}

	@Test
	void readsANumberTooLongForARankAsALineItCannotReadNotAFailure() {
		ProgramDescriptor pilot = RealSeeds.program("most-pilot");
		List<String> lines = new ArrayList<>(RealSeeds.FILES.lines(pilot.document()));
		// the rank line before 扬州数控成形机床创新型产业集群's name line
		int rank = RealSeeds.listings("most-pilot").get(32).line() - 2;
		while (!Text.normalize(lines.get(rank)).equals("33")) {
			rank--;
		}
		lines.set(rank, "33000000000");
		int rankLine = rank + 1;
		assertThat(this.parser.parse(pilot, lines).problems()).anySatisfy((p) -> {
			assertThat(p.line()).isEqualTo(rankLine);
			assertThat(p.message()).contains("expected the rank of an entry, found '33000000000'");
		});
	}

	@Test
	void namesTheFileAndLineOfALineItCannotRead() {
		ProgramDescriptor hubei = RealSeeds.program("hubei");
		List<String> lines = new ArrayList<>(RealSeeds.FILES.lines(hubei.document()));
		lines.set(831, "黄石市服装产业集群 (no number)");
		ListingParser.Result result = this.parser.parse(hubei, lines);
		assertThat(result.problems()).anySatisfy((p) -> {
			assertThat(p.line()).isEqualTo(832);
			assertThat(p.message()).contains("neither an entry");
		});
	}

}
