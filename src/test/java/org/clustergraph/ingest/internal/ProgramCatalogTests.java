package org.clustergraph.ingest.internal;

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
