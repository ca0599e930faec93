package org.clustergraph.ingest.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list saved as CSV goes through the whole resolution as the published formats do: its
 * entries are placed, classified and joined to the clusters the seeds already hold. The
 * list here lists again, under a spreadsheet's columns, the first entries of the seeds'
 * MIIT 2024 edition.
 */
class CsvListLoadTests {

	@Test
	void aListSavedAsCsvIsPlacedClassifiedAndJoinedToTheClustersItShares() {
		List<RawListing> published = RealSeeds.listings("miit-sme")
			.stream()
			.filter((l) -> Integer.valueOf(2024).equals(l.year()))
			.limit(6)
			.toList();
		StringBuilder csv = new StringBuilder("\uFEFF序号,集群名称,备注\r\n");
		for (int i = 0; i < published.size(); i++) {
			csv.append(i + 1).append(",\"").append(published.get(i).nameAsListed()).append("\",\r\n");
		}
		String catalog = RealSeeds.catalogWith("""
				{"key": "relisted", "name": "the MIIT 2024 entries again", "level": "PROVINCIAL",
				 "document": "relisted.csv", "start": "^序号,", "format": "CSV", "context": "NONE"}""");
		SeedFiles files = RealSeeds.with(Map.of(ProgramCatalog.FILE, catalog, "relisted.csv", csv.toString()));
		ResolutionPipeline.Outcome outcome = new ResolutionPipeline(files, "test").run();
		for (RawListing miit : published) {
			ResolvedCluster cluster = outcome.graph()
				.clusters()
				.stream()
				.filter((c) -> c.listings()
					.stream()
					.anyMatch((l) -> l.raw().program().equals("relisted")
							&& l.raw().nameAsListed().equals(miit.nameAsListed())))
				.findFirst()
				.orElseThrow();
			ResolvedListing relisted = cluster.listings()
				.stream()
				.filter((l) -> l.raw().program().equals("relisted"))
				.findFirst()
				.orElseThrow();
			assertThat(relisted.raw().document()).isEqualTo("relisted.csv");
			assertThat(relisted.raw().line()).isEqualTo(published.indexOf(miit) + 2);
			assertThat(relisted.places()).as(miit.nameAsListed()).isNotEmpty();
			assertThat(relisted.industries()).as(miit.nameAsListed()).isNotEmpty();
			// one cluster with the MIIT listing of the same name
			assertThat(cluster.listings()).as(miit.nameAsListed())
				.anySatisfy((l) -> assertThat(l.raw().program()).isEqualTo("miit-sme"));
		}
		assertThat(outcome.graph().clusters()).hasSize(608);
	}

	@Test
	void aRegionCellIsReadHoweverItsPartsAreSeparated() {
		// names that name no place of their own, placed by their region cell alone
		String csv = """
				序号,集群名称,所在地区
				1,化纤产业集群,杭州市萧山区
				2,化纤产业集群,"浙江省,杭州市,萧山区"
				3,化纤产业集群,杭州市 萧山区
				4,化纤产业集群,杭州市、萧山区
				5,化纤产业集群,杭州市　萧山区
				""";
		String catalog = RealSeeds.catalogWith("""
				{"key": "regions", "name": "region cells", "level": "PROVINCIAL", "document": "regions.csv",
				 "start": "^序号,", "format": "CSV", "context": "REGION_COLUMN", "contextProvince": "33"}""");
		SeedFiles files = RealSeeds.with(Map.of(ProgramCatalog.FILE, catalog, "regions.csv", csv));
		List<ResolvedListing> listed = new ResolutionPipeline(files, "test").run()
			.graph()
			.clusters()
			.stream()
			.flatMap((c) -> c.listings().stream())
			.filter((l) -> l.raw().program().equals("regions"))
			.toList();
		assertThat(listed).hasSize(5)
			.allSatisfy((l) -> assertThat(l.places()).as(l.raw().context().toString())
				.extracting(Place::code)
				.containsExactly("330109"));
	}

}
