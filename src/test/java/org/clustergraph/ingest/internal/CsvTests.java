package org.clustergraph.ingest.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reference tables' reader: quotes as a spreadsheet writes them, a cell over two
 * lines, comments, and the line of each row for the messages.
 */
class CsvTests {

	@Test
	void readsQuotedCellsAcrossLinesAndKeepsEachRowsFirstLine() {
		List<String> lines = List.of("\uFEFFalias,codes,reason", "# a comment", "",
				"亦庄,110115403,\"one line, with a comma\"", "中关村,110000Z01,\"two lines", "of \"\"reason\"\"\"",
				"萧山,330109,");
		List<Csv.Row> rows = Csv.read("reference/region-aliases.csv", lines, "alias", "codes", "reason");
		assertThat(rows).extracting(Csv.Row::line).containsExactly(4, 5, 7);
		assertThat(rows.get(0).get("reason")).isEqualTo("one line, with a comma");
		assertThat(rows.get(1).get("reason")).isEqualTo("two lines\nof \"reason\"");
		assertThat(rows.get(2).get("reason")).isEmpty();
	}

	@Test
	void namesTheRowOfAQuoteNeverClosedAndAHeaderWithoutAColumn() {
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> Csv.read("t.csv", List.of("a,b", "1,2", "3,\"open", "4,5"), "a", "b"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(SourceProblem::toString)
				.containsExactly("t.csv:3: a quote opened in this row is never closed"));
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> Csv.read("t.csv", List.of("# first", "a,c", "1,2"), "a", "b"))
			.satisfies((ex) -> assertThat(ex.problems().get(0).toString())
				.isEqualTo("t.csv:2: missing column 'b' (the header must name a, b)"));
		assertThatExceptionOfType(SourceException.class)
			.isThrownBy(() -> Csv.read("t.csv", List.of("a,b", "1,2,3"), "a", "b"))
			.satisfies((ex) -> assertThat(ex.problems().get(0).toString())
				.isEqualTo("t.csv:2: row has 3 fields, the header 2"));
	}

}
