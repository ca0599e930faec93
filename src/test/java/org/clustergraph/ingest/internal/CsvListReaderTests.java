package org.clustergraph.ingest.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list saved from a spreadsheet as CSV, read by its header's column names: quoting,
 * cells over several lines, columns in any order and columns it does not use, editions,
 * and each problem at its line. The entries are listings of the seeds' MIIT 2024 edition,
 * written out as a spreadsheet would hold them.
 */
class CsvListReaderTests {

	private final ListingParser parser = new ListingParser();

	private static ProgramDescriptor descriptor(ProgramDescriptor.Context context, String countInHeading) {
		return new ProgramDescriptor("csv-list", "a list as CSV", null, "PROVINCIAL", "list.csv",
				Pattern.compile("^2024年.*名单"), null, ProgramDescriptor.Format.CSV,
				(countInHeading != null) ? Pattern.compile(countInHeading) : null, 0, null, context, null, null);
	}

	@Test
	void readsTheColumnsItKnowsByTheirHeaderInAnyOrder() {
		List<String> lines = """
				某省发布的说明
				2024年3个产业集群名单
				主导产业,集群名称,序号,省份,地市
				机器人,北京市海淀区机器人产业集群,1,北京,北京市
				"测控装备,仪器仪表","北京市密云区测控装备产业集群",2,北京,北京市

				"航空装备
				配套","北京市顺义区航空装备配套产业集群",3,北京,"北京市"
				""".lines().toList();
		ListingParser.Result result = this.parser
			.parse(descriptor(ProgramDescriptor.Context.REGION_COLUMN, "^2024年(\\d+)个"), lines);
		assertThat(result.problems()).isEmpty();
		assertThat(result.listings()).extracting(RawListing::rank).containsExactly(1, 2, 3);
		assertThat(result.listings()).extracting(RawListing::nameAsListed)
			.containsExactly("北京市海淀区机器人产业集群", "北京市密云区测控装备产业集群", "北京市顺义区航空装备配套产业集群");
		// the line a row starts on, in the document's own numbering
		assertThat(result.listings()).extracting(RawListing::line).containsExactly(4, 5, 7);
		assertThat(result.listings()).allSatisfy((l) -> {
			assertThat(l.context()).containsExactly("北京", "北京市");
			assertThat(l.year()).isNull();
			assertThat(l.document()).isEqualTo("list.csv");
		});
		// without REGION_COLUMN the region columns are left alone
		assertThat(this.parser.parse(descriptor(ProgramDescriptor.Context.NONE, null), lines).listings())
			.allSatisfy((l) -> assertThat(l.context()).isEmpty());
	}

	@Test
	void knowsTheHeadersProvincialTablesUse() {
		List<String> lines = """
				2024年名单
				序号,设区市,县（市、区）,中小企业特色产业集群名称,认定年度,所在园区
				1,北京市,海淀区,北京市海淀区机器人产业集群,2024,中关村
				""".lines().toList();
		ListingParser.Result result = this.parser.parse(descriptor(ProgramDescriptor.Context.REGION_COLUMN, null),
				lines);
		assertThat(result.problems()).isEmpty();
		assertThat(result.listings()).singleElement().satisfies((l) -> {
			assertThat(l.nameAsListed()).isEqualTo("北京市海淀区机器人产业集群");
			assertThat(l.year()).isEqualTo(2024);
			assertThat(l.context()).containsExactly("北京市", "海淀区", "中关村");
		});
	}

	@Test
	void readsEditionsAndRanksRowsInFileOrderWhenThereIsNoRankColumn() {
		List<String> lines = """
				2024年名单
				年度,集群名称
				2024年,天津市西青区能源矿产装备产业集群
				2024,河北省唐山市路北区智能特种机器人产业集群
				2025,河北省安国市中药材精深加工产业集群
				""".lines().toList();
		ListingParser.Result result = this.parser.parse(descriptor(ProgramDescriptor.Context.NONE, null), lines);
		assertThat(result.problems()).isEmpty();
		assertThat(result.listings()).extracting(RawListing::year).containsExactly(2024, 2024, 2025);
		assertThat(result.listings()).extracting(RawListing::rank).containsExactly(1, 2, 1);
		assertThat(result.years()).containsExactly(2024, 2025);
	}

	@Test
	void namesTheLineOfEachRowItCannotRead() {
		List<String> lines = """
				2024年名单
				序号,集群名称,年度
				1,北京市海淀区机器人产业集群,2024
				二,北京市密云区测控装备产业集群,2024
				3,,2024
				4,北京市顺义区航空装备配套产业集群,明年
				5,"天津市西青区能源矿产装备产业集群,2024
				""".lines().toList();
		ListingParser.Result result = this.parser.parse(descriptor(ProgramDescriptor.Context.NONE, null), lines);
		assertThat(result.problems()).extracting(SourceProblem::toString)
			.containsExactly("list.csv:4: the rank of '北京市密云区测控装备产业集群' is '二', not a whole number",
					"list.csv:5: the row has no name",
					"list.csv:6: the year of '北京市顺义区航空装备配套产业集群' is '明年', not a year such as 2025",
					"list.csv:7: a quote opened in this row is never closed");
		assertThat(result.listings()).extracting(RawListing::nameAsListed).containsExactly("北京市海淀区机器人产业集群");
	}

	@Test
	void takesANumberTooLongForARankForNoRank() {
		List<String> lines = List.of("2024年名单", "序号,集群名称", "12345678901,北京市海淀区机器人产业集群");
		assertThat(this.parser.parse(descriptor(ProgramDescriptor.Context.NONE, null), lines).problems())
			.extracting(SourceProblem::toString)
			.containsExactly("list.csv:3: the rank of '北京市海淀区机器人产业集群' is '12345678901', not a whole number");
	}

	@Test
	void refusesAHeaderWithoutANameColumnAndARegionContextWithoutARegionColumn() {
		List<String> tabs = List.of("2024年名单", "序号\t集群名称", "1\t北京市海淀区机器人产业集群");
		assertThat(this.parser.parse(descriptor(ProgramDescriptor.Context.NONE, null), tabs).problems()).singleElement()
			.satisfies((p) -> {
				assertThat(p.line()).isEqualTo(2);
				assertThat(p.message()).contains("names no column [集群名称, 产业集群名称, 名称, 集群, 产业集群, name]")
					.contains("separated by commas");
			});
		List<String> noRegion = List.of("2024年名单", "序号,集群名称", "1,北京市海淀区机器人产业集群");
		assertThat(this.parser.parse(descriptor(ProgramDescriptor.Context.REGION_COLUMN, null), noRegion).problems())
			.singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("REGION_COLUMN").contains("names no column"));
		assertThat(this.parser.parse(descriptor(ProgramDescriptor.Context.HEADING, null), noRegion).problems())
			.singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("a CSV list has no region headings"));
	}

	@Test
	void checksTheCountTheHeadingStatesAndTheRanksAsForTheOtherFormats() {
		List<String> lines = List.of("2024年3个产业集群名单", "序号,集群名称", "1,北京市海淀区机器人产业集群", "3,北京市密云区测控装备产业集群");
		assertThat(this.parser.parse(descriptor(ProgramDescriptor.Context.NONE, "^2024年(\\d+)个"), lines).problems())
			.extracting(SourceProblem::message)
			.containsExactly("list 'csv-list' states 3 entries but 2 were read",
					"rank 3 where 2 was expected in list 'csv-list'");
	}

}
