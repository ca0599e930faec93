package org.clustergraph.ingest.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Inputs are read as UTF-8 or refused at the line that is not.
 */
class Utf8TextTests {

	private static final String LIST = "序号\n1\n仙桃无纺布产业集群\n2\n永康五金产业群\n";

	@Test
	void readsUtf8AsWrittenAndDropsAByteOrderMark() {
		assertThat(files(LIST.getBytes(StandardCharsets.UTF_8)).lines("list.txt")).containsExactly("序号", "1",
				"仙桃无纺布产业集群", "2", "永康五金产业群");
		byte[] marked = ("\uFEFF" + LIST).getBytes(StandardCharsets.UTF_8);
		assertThat(files(marked).text("list.txt")).isEqualTo(LIST);
		// a mark elsewhere is text, kept as written
		assertThat(files(("序号\n\uFEFF1\n").getBytes(StandardCharsets.UTF_8)).lines("list.txt").get(1))
			.isEqualTo("\uFEFF1");
	}

	@Test
	void refusesAFileInAnotherEncodingNamingTheLineOfItsFirstStrangeByte() {
		for (String encoding : List.of("GB18030", "GBK", "Big5")) {
			byte[] bytes = ("code,alias\r\n110000,北京\r\n").getBytes(Charset.forName(encoding));
			assertThatExceptionOfType(SourceException.class)
				.isThrownBy(() -> files(bytes).lines("reference/region-aliases.csv"))
				.satisfies((ex) -> {
					assertThat(ex.problems()).singleElement().satisfies((problem) -> {
						assertThat(problem.file()).isEqualTo("reference/region-aliases.csv");
						assertThat(problem.line()).as(encoding).isEqualTo(2);
						assertThat(problem.message()).startsWith("is not UTF-8: byte 8 of the line")
							.contains("iconv -f GB18030 -t UTF-8");
					});
				});
		}
		// lines end as String.lines() ends them: a lone carriage return ends one too
		byte[] mixed = ("a\rb\n\nc\r\nd ").getBytes(StandardCharsets.UTF_8);
		mixed[mixed.length - 1] = (byte) 0xFF;
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> files(mixed).text("x.txt"))
			.satisfies((ex) -> assertThat(ex.problems().get(0).line()).isEqualTo(5));
		// a character cut short at the end of the file
		byte[] cut = "仙桃".getBytes(StandardCharsets.UTF_8);
		byte[] shorter = java.util.Arrays.copyOf(cut, cut.length - 1);
		assertThatExceptionOfType(SourceException.class).isThrownBy(() -> files(shorter).text("x.txt"))
			.satisfies((ex) -> assertThat(ex.problems().get(0).message()).contains("byte 4 of the line"));
	}

	private static SeedFiles files(byte[] bytes) {
		return (path) -> bytes;
	}

}
