package org.clustergraph.ingest.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The list descriptors of {@code reference/programs.json}: the validity period they may
 * state, and the errors that name the program and the field.
 */
class ProgramCatalogTests {

	private static String descriptor(String validity) {
		return """
				{"programs": [{"key": "p", "name": "n", "level": "NATIONAL", "document": "d.txt", "start": "^x",
				  "format": "RANK_THEN_NAME", "context": "NONE"%s}]}""".formatted(validity);
	}

	@Test
	void readsTheValidityPeriodAndItsSource() {
		assertThat(
				ProgramCatalog.read(descriptor(", \"validity\": {\"years\": 3, \"source\": \"办法\"}")).get(0).validity())
			.isEqualTo(new ProgramDescriptor.Validity(3, "办法"));
		assertThat(ProgramCatalog.read(descriptor("")).get(0).validity()).isNull();
		assertThat(RealSeeds.PROGRAMS).filteredOn((p) -> p.key().equals("miit-sme"))
			.singleElement()
			.satisfies((p) -> assertThat(p.validity().years()).isEqualTo(3));
	}

	@Test
	void refusesAFormatOrContextItDoesNotKnowNamingTheOnesItDoes() {
		assertThatThrownBy(() -> ProgramCatalog.read(descriptor("").replace("RANK_THEN_NAME", "CSV")))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("program 'p': 'format' is 'CSV', not one of [RANK_THEN_NAME, RANK_NAME_REGION, "
					+ "NUMBERED_UNDER_HEADINGS, SEQUENCE_NAME_YEAR_RANK]");
		assertThatThrownBy(() -> ProgramCatalog.read(descriptor("").replace("\"NONE\"", "\"none\"")))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("'context' is 'none', not one of [NONE, REGION_COLUMN, HEADING]");
		// the API serves a program's level as an enumeration, which would fail at every
		// request for it
		assertThatThrownBy(() -> ProgramCatalog.read(descriptor("").replace("NATIONAL", "Provincial")))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("'level' is 'Provincial', not one of [NATIONAL, PROVINCIAL]");
		assertThatThrownBy(() -> ProgramCatalog.read(descriptor("").replace("\"format\"", "\"formats\"")))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("program 'p' lacks 'format'");
	}

	@Test
	void aLoadRefusesAListsProvinceThatNamesNoProvince() {
		String catalog = new String(RealSeeds.FILES.bytes(ProgramCatalog.FILE), StandardCharsets.UTF_8);
		assertThat(catalog).contains("\"contextProvince\": \"33\"");
		for (String wrong : new String[] { "3301", "99", "330100" }) {
			byte[] edited = catalog.replace("\"contextProvince\": \"33\"", "\"contextProvince\": \"" + wrong + "\"")
				.getBytes(StandardCharsets.UTF_8);
			SeedFiles files = (path) -> path.equals(ProgramCatalog.FILE) ? edited : RealSeeds.FILES.bytes(path);
			assertThatThrownBy(() -> new ResolutionPipeline(files, "test").run()).as(wrong)
				.isInstanceOf(SourceException.class)
				.hasMessageContaining("program 'zhejiang': 'contextProvince' is '" + wrong
						+ "', which is no province of regions-nbs-2023.csv");
		}
	}

	@Test
	void refusesAPeriodThatIsNoWholeNumberOfYearsOrHasNoSource() {
		for (String bad : new String[] { "{\"years\": 0, \"source\": \"s\"}", "{\"years\": 2.5, \"source\": \"s\"}",
				"{\"years\": \"3\", \"source\": \"s\"}", "{\"years\": 51, \"source\": \"s\"}",
				"{\"source\": \"s\"}" }) {
			assertThatThrownBy(() -> ProgramCatalog.read(descriptor(", \"validity\": " + bad))).as(bad)
				.isInstanceOf(SourceException.class)
				.hasMessageContaining("program 'p'")
				.hasMessageContaining("validity.years");
		}
		assertThatThrownBy(() -> ProgramCatalog.read(descriptor(", \"validity\": {\"years\": 3, \"source\": \" \"}")))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining("validity.source");
	}

}
