package org.clustergraph.ingest.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gazetteer and the place resolver on real names and the real tables.
 */
class PlaceResolverTests {

	private static List<String> codes(String name, String province, String... context) {
		Place scope = RealSeeds.PLACES.context(province, List.of(context));
		return RealSeeds.PLACES.resolve(name, scope).places().stream().map(Place::code).toList();
	}

	@Test
	void resolvesATownFromTheZhejiangRegionColumn() {
		assertThat(codes("王江泾织造产业集群", "33", "浙江", "嘉兴市")).containsExactly("330411101");
		Place town = RealSeeds.place("330411101");
		assertThat(RealSeeds.GAZETTEER.ancestors(town)).extracting(Place::code)
			.containsExactly("330000", "330400", "330411");
	}

	@Test
	void resolvesProvincePrefectureAndCountyPrefixesToTheCounty() {
		assertThat(codes("江苏省扬州市邗江区数控成形机床产业集群", null)).containsExactly("321003");
		assertThat(RealSeeds.PLACES.resolve("江苏省扬州市邗江区数控成形机床产业集群", null).industryPhrase()).isEqualTo("数控成形机床");
		assertThat(codes("扬州数控成形机床创新型产业集群", null)).containsExactly("321000");
	}

	@Test
	void givesNamesWithTheSamePlaceWordsOnePlaceListAndOneListOfDecisions() {
		// a load holds every listing's placement: those of one county share its parts
		PlaceResolver.Placement machineTools = RealSeeds.PLACES.resolve("江苏省扬州市邗江区数控成形机床产业集群", null);
		PlaceResolver.Placement again = RealSeeds.PLACES.resolve("江苏省扬州市邗江区数控成形机床创新型产业集群", null);
		PlaceResolver.Placement cars = RealSeeds.PLACES.resolve("江苏省扬州市邗江区汽车零部件产业集群", null);
		assertThat(again.industryPhrase()).isEqualTo("数控成形机床").isSameAs(machineTools.industryPhrase());
		assertThat(again.places()).isSameAs(machineTools.places());
		assertThat(cars.places()).isSameAs(machineTools.places());
		assertThat(cars.decisions()).isSameAs(machineTools.decisions()).hasSize(3);
		assertThat(cars.industryPhrase()).isEqualTo("汽车零部件");
		PlaceResolver.Placement prefecture = RealSeeds.PLACES.resolve("江苏省扬州市汽车零部件产业集群", null);
		assertThat(prefecture.places()).extracting(Place::code).containsExactly("321000");
		assertThat(prefecture.decisions()).hasSize(2).containsExactlyElementsOf(cars.decisions().subList(0, 2));
		assertThat(prefecture.decisions().get(0)).isSameAs(cars.decisions().get(0));
	}

	@Test
	void resolvesEveryCountyOfAParenthesizedList() {
		assertThat(codes("鄂东（麻城、浠水）汽车配件产业集群", "42", "黄冈市")).containsExactlyInAnyOrder("421181", "421125");
		assertThat(codes("襄阳市（襄州、南漳）农产品加工产业集群", "42", "襄阳市")).containsExactlyInAnyOrder("420607", "420624");
		assertThat(codes("黄石市（阳新）化工医药产业集群", "42", "黄石市")).containsExactly("420222");
	}

	@Test
	void resolvesAPlateauSpanningTwoProvinces() {
		assertThat(codes("青藏高原特色生物资源与中藏药创新型产业集群", null)).containsExactlyInAnyOrder("630000", "540000");
	}

	@Test
	void dropsStatisticalPlaceholdersFromTheTree() {
		assertThat(RealSeeds.place("429004").parentCode()).isEqualTo("420000");
		assertThat(RealSeeds.place("429004").name()).isEqualTo("仙桃市");
		assertThat(RealSeeds.place("110108").parentCode()).isEqualTo("110000");
		assertThat(RealSeeds.GAZETTEER.all()).noneMatch((p) -> p.name().equals("市辖区"));
		assertThat(RealSeeds.GAZETTEER.all()).noneMatch((p) -> p.name().equals("省直辖县级行政区划"));
	}

	@Test
	void foldsPrefectureLevelCitiesWithoutCountiesIntoOneRegion() {
		for (String name : List.of("东莞市", "中山市", "儋州市", "嘉峪关市")) {
			assertThat(RealSeeds.GAZETTEER.named(name)).as(name)
				.singleElement()
				.satisfies((p) -> assertThat(p.level()).isEqualTo(Place.Level.PREFECTURE));
		}
		assertThat(RealSeeds.place("620201").code()).isEqualTo("620200");
		assertThat(RealSeeds.place("441900003").parentCode()).isEqualTo("441900");
	}

	@Test
	void treatsNbsDevelopmentZoneRowsAsZones() {
		Place baotou = RealSeeds.place("150271");
		assertThat(baotou.level()).isEqualTo(Place.Level.ZONE);
		assertThat(baotou.parentCode()).isEqualTo("150200");
		assertThat(codes("包头稀土高新技术产业开发区稀土新材料产业集群", null)).containsExactly("150271");
	}

	@Test
	void decidesSharedNamesByTheProvinceAndPrefectureInTheName() {
		assertThat(RealSeeds.GAZETTEER.named("白云区")).hasSizeGreaterThan(1);
		assertThat(codes("广东省广州市白云区美妆产业集群", null)).containsExactly("440111");
		assertThat(codes("贵州省贵阳市白云区铝产业集群", null)).containsExactly("520113");
		assertThat(codes("广东省深圳市龙华区数字创意产业集群", null)).containsExactly("440309");
		assertThat(codes("海南省海口市龙华区数字产业集群", null)).containsExactly("460106");
	}

	@Test
	void readsAutonomousCountiesWithoutTheirPeoplesNames() {
		assertThat(codes("贵州省玉屏县锰系新型功能材料产业集群", null)).containsExactly("520622");
	}

	@Test
	void placesByAliasRowsForZonesRenamedUnitsAndTheSourcesTypos() {
		assertThat(codes("北京中关村移动互联网创新型产业集群", null)).singleElement()
			.satisfies((code) -> assertThat(RealSeeds.GAZETTEER.province(RealSeeds.place(code)).code())
				.isEqualTo("110000"));
		assertThat(codes("夏门海洋与生命科学产业集群", null)).singleElement()
			.satisfies(
					(code) -> assertThat(RealSeeds.GAZETTEER.within(RealSeeds.place(code), RealSeeds.place("350200")))
						.isTrue());
		assertThat(codes("京山县智能制造产业集群", "42", "荆门市")).containsExactly("420882");
		PlaceResolver.Placement xiamen = RealSeeds.PLACES.resolve("夏门海洋与生命科学产业集群", null);
		assertThat(xiamen.decisions()).anySatisfy((d) -> assertThat(d.rule()).isEqualTo("alias:TYPO"));
	}

	@Test
	void fallsBackToTheListContextWhenTheNameNamesNoPlace() {
		PlaceResolver.Placement placement = RealSeeds.PLACES.resolve("华夏窑炉产业集群",
				RealSeeds.PLACES.context("42", List.of("黄冈市")));
		assertThat(placement.places()).extracting(Place::code).containsExactly("421100");
		assertThat(placement.decisions()).anySatisfy((d) -> assertThat(d.rule()).isEqualTo("list-context"));
	}

	@Test
	void readsATownshipNamedWithA区WordByItsFullNameOnly() {
		// the table's short name 平陆县社 cuts 社区 in two and would take the 社 of 社会科学
		PlaceResolver.Placement placement = RealSeeds.PLACES.resolve("山西省运城市平陆县社会科学研究产业集群", null);
		assertThat(placement.places()).extracting(Place::code).containsExactly("140829");
		assertThat(placement.industryPhrase()).isEqualTo("社会科学研究");
		assertThat(RealSeeds.GAZETTEER.named("平陆县社")).isEmpty();
		assertThat(RealSeeds.GAZETTEER.named("平陆县社区")).extracting(Place::code).containsExactly("140829400");
		for (String cut : List.of("闻喜县社", "稷山县社", "新绛县社", "余干县城市社")) {
			assertThat(RealSeeds.GAZETTEER.named(cut)).as(cut).isEmpty();
		}
		// short names that drop a whole unit word stay
		assertThat(RealSeeds.GAZETTEER.named("王佐")).extracting(Place::code).contains("110106101");
		assertThat(RealSeeds.place("140829400").shortName()).isEmpty();
		assertThat(Gazetteer.shortName("王佐镇", "王佐", "4")).isEqualTo("王佐");
		assertThat(Gazetteer.shortName("海淀区", "海淀", "3")).isEqualTo("海淀");
		assertThat(Gazetteer.shortName("平陆县社区", "平陆县社", "4")).isEmpty();
	}

}
