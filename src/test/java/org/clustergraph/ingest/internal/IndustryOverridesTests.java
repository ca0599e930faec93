package org.clustergraph.ingest.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reviewer's industry decision ({@code industry-overrides.csv}) replaces the
 * classifier's for the listing it names, and a row that names nothing is refused with its
 * line.
 */
class IndustryOverridesTests {

	private static List<Csv.Row> rows(String... lines) {
		List<String> all = new java.util.ArrayList<>(List.of("listing,codes,reason"));
		all.addAll(List.of(lines));
		return Csv.read("industry-overrides.csv", all, "listing", "codes", "reason");
	}

	@Test
	void setsTheIndustriesOfTheListingItNamesWithItsReason() {
		RawListing listing = RealSeeds.listings("zhejiang")
			.stream()
			.filter((l) -> l.nameAsListed().equals("上虞伞业产业群"))
			.findFirst()
			.orElseThrow();
		IndustryOverrides overrides = IndustryOverrides.of(RealSeeds.INDUSTRIES,
				rows("zhejiang||上虞伞业产业群,4119,umbrellas are other daily-use articles"));
		overrides.checkNames(RealSeeds.listings("zhejiang"));
		IndustryClassifier.Classification classified = RealSeeds.CLASSIFIER.classify("伞业");
		IndustryClassifier.Classification decided = overrides.apply(listing, classified);
		assertThat(decided.assignments()).singleElement().satisfies((a) -> {
			assertThat(a.industry().code()).isEqualTo("4119");
			assertThat(a.confidence()).isEqualTo(1.0);
			assertThat(a.rule()).isEqualTo("override");
			assertThat(a.evidence()).isEqualTo("industry-overrides.csv:2: umbrellas are other daily-use articles");
		});
		assertThat(decided.decisions()).singleElement().satisfies((d) -> assertThat(d.rule()).isEqualTo("override"));
		RawListing other = RealSeeds.listings("zhejiang").get(0);
		assertThat(overrides.apply(other, classified)).isSameAs(classified);
	}

	@Test
	void refusesARowNamingNoListingAnUnknownCodeOrAListingTwice() {
		IndustryOverrides unknownListing = IndustryOverrides.of(RealSeeds.INDUSTRIES,
				rows("zhejiang||上虞雨伞产业群,4119,typo in the name"));
		assertThatThrownBy(() -> unknownListing.checkNames(RealSeeds.listings("zhejiang")))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("industry-overrides.csv:2")
			.hasMessageContaining("上虞雨伞产业群");
		assertThatThrownBy(
				() -> IndustryOverrides.of(RealSeeds.INDUSTRIES, rows("zhejiang||上虞伞业产业群,9999,no such code")))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("industry-overrides.csv:2")
			.hasMessageContaining("9999");
		assertThatThrownBy(() -> IndustryOverrides.of(RealSeeds.INDUSTRIES,
				rows("zhejiang||上虞伞业产业群,4119,a", "zhejiang||上虞伞业产业群,2439,b")))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("industry-overrides.csv:3");
	}

}
