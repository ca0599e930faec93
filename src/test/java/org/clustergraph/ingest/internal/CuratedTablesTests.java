package org.clustergraph.ingest.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every alias, keyword, override and zone the project adds says why, or where it comes
 * from: the load refuses a row that does not, at its line.
 */
class CuratedTablesTests {

	@Test
	void aLoadRefusesACuratedRowThatDoesNotSayWhy() {
		Map<String, String> rows = Map.of("reference/region-aliases.csv", "海那边,330000,AREA,,",
				"reference/industry-keywords.csv", "火星车,3670,\" \"", "reference/industry-overrides.csv",
				"zhejiang||长兴纺织产业集群,1751,", "reference/identity-overrides.csv",
				"MERGE,zhejiang||长兴纺织产业集群,zhejiang||长兴县纺织产业集群,", "reference/zones.csv", "330000Z99,测试开发区,330000,");
		rows.forEach((table, row) -> {
			String published = RealSeeds.FILES.text(table);
			String edited = published + (published.endsWith("\n") ? "" : "\n") + row + "\n";
			int line = (int) edited.lines().count();
			SeedFiles files = RealSeeds.with(Map.of(table, edited));
			String why = table.endsWith("zones.csv") ? "source" : "reason";
			assertThatThrownBy(() -> new ResolutionPipeline(files, "test").run()).as(table)
				.isInstanceOf(SourceException.class)
				.hasMessageContaining(table + ":" + line + ": '" + why + "' is empty");
		});
	}

}
