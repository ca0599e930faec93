package org.clustergraph.ingest.internal;

import java.util.Map;

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

	/** The test descriptor with one text replaced is refused, with the message given. */
	private static void assertRefused(String text, String replacement, String message) {
		assertThatThrownBy(() -> ProgramCatalog.read(descriptor("").replace(text, replacement)))
			.isInstanceOf(SourceException.class)
			.hasMessageContaining(message);
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
		assertRefused("RANK_THEN_NAME", "XLSX",
				"program 'p': 'format' is 'XLSX', not one of [RANK_THEN_NAME, RANK_NAME_REGION, "
						+ "NUMBERED_UNDER_HEADINGS, SEQUENCE_NAME_YEAR_RANK, CSV]");
		assertRefused("\"NONE\"", "\"none\"", "'context' is 'none', not one of [NONE, REGION_COLUMN, HEADING]");
		// the API serves a program's level as an enumeration, which would fail at every
		// request for it
		assertRefused("NATIONAL", "Provincial", "'level' is 'Provincial', not one of [NATIONAL, PROVINCIAL]");
		assertRefused("\"format\"", "\"formats\"", "program 'p' lacks 'format'");
	}

	@Test
	void refusesAKeyTheApiCannotNameANameThatIsEmptyOrADocumentOutsideTheSeeds() {
		for (String key : new String[] { "", "hu bei", "Hubei", "hubei-", "-hubei", "hu--bei", "湖北", "a".repeat(65) }) {
			assertThatThrownBy(
					() -> ProgramCatalog.read(descriptor("").replace("\"key\": \"p\"", "\"key\": \"" + key + "\"")))
				.as(key)
				.isInstanceOf(SourceException.class)
				.hasMessageContaining("program '" + key + "': 'key' must be lower-case letters and digits");
		}
		assertThat(ProgramCatalog.read(descriptor("").replace("\"key\": \"p\"", "\"key\": \"prov-33-2021\"")))
			.singleElement()
			.satisfies((p) -> assertThat(p.key()).isEqualTo("prov-33-2021"));
		assertRefused("\"name\": \"n\"", "\"name\": \" \"", "program 'p': 'name' is empty");
		for (String document : new String[] { "", "../../etc/hostname", "/etc/hostname", "a/../../b.txt",
				"a\\\\b.txt" }) {
			assertThatThrownBy(() -> ProgramCatalog
				.read(descriptor("").replace("\"document\": \"d.txt\"", "\"document\": \"" + document + "\"")))
				.as(document)
				.isInstanceOf(SourceException.class)
				.hasMessageContaining("program 'p': 'document' is");
		}
		assertRefused("\"name\": \"n\"", "\"name\": {}", "program 'p': 'name' is an object, not a text");
		assertRefused("\"d.txt\"", "[\"d.txt\"]", "program 'p': 'document' is a list, not a text");
		assertThat(ProgramCatalog.read(descriptor("").replace("d.txt", "miit/2025.txt")).get(0).document())
			.isEqualTo("miit/2025.txt");
	}

	@Test
	void refusesTwoListsUnderOneKeyAndACountThatIsNoNumber() {
		String twice = descriptor("").replace("}]}", "}, " + descriptor("").substring(descriptor("").indexOf('{', 1)));
		assertThatThrownBy(() -> ProgramCatalog.read(twice)).isInstanceOf(SourceException.class)
			.hasMessageContaining("program 'p' is described twice");
		for (String count : new String[] { "\"100\"", "-1", "2.5" }) {
			assertThatThrownBy(() -> ProgramCatalog.read(descriptor(", \"perEdition\": " + count))).as(count)
				.isInstanceOf(SourceException.class)
				.hasMessageContaining("program 'p': 'perEdition' must be a whole number");
		}
		assertThat(ProgramCatalog.read(descriptor(", \"perEdition\": 100")).get(0).perEdition()).isEqualTo(100);
	}

	@Test
	void aLoadRefusesAListsProvinceThatNamesNoProvince() {
		String catalog = RealSeeds.FILES.text(ProgramCatalog.FILE);
		assertThat(catalog).contains("\"contextProvince\": \"33\"");
		for (String wrong : new String[] { "3301", "99", "330100" }) {
			SeedFiles files = RealSeeds.with(Map.of(ProgramCatalog.FILE,
					catalog.replace("\"contextProvince\": \"33\"", "\"contextProvince\": \"" + wrong + "\"")));
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
