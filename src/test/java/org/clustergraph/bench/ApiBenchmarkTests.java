package org.clustergraph.bench;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the benchmark's measured requests check of a response they do not build
 * ({@code --read=check}): every error a client would meet must still count as one.
 */
class ApiBenchmarkTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aResponseWithDataAndNoErrorsIsAnswered() {
		assertThat(
				checked(200, "{\"data\": {\"clusters\": {\"edges\": [{\"node\": {\"id\": \"Cluster:1\"}}]}}}").error())
			.isNull();
		assertThat(checked(200, "{\"errors\": [], \"data\": {\"a\": [1, {\"errors\": [1]}]}}").error()).isNull();
	}

	@Test
	void errorsCountWhereverTheResponseHoldsThem() {
		assertThat(
				checked(200, "{\"errors\": [{\"message\": \"filter.program: no program\"}], \"data\": null}").error())
			.startsWith("1 error(s), first:")
			.contains("filter.program");
		assertThat(
				checked(200, "{\"data\": {\"a\": [1, 2]}, \"errors\": [{\"message\": \"late\"}, {\"message\": \"x\"}]}")
					.error())
			.startsWith("2 error(s)")
			.contains("late");
	}

	@Test
	void aBodyThatIsNotAJsonObjectOrAStatusOtherThan200Fails() {
		assertThat(checked(200, "<html>Bad Gateway</html>").error()).contains("not JSON");
		assertThat(checked(200, "[1, 2]").error()).contains("not a JSON object");
		assertThat(checked(200, "{\"data\": {\"a\": ").error()).contains("not JSON");
		assertThat(checked(500, "{\"data\": null}").error()).isEqualTo("HTTP 500");
	}

	@Test
	void bracketsAndQuotesInsideStringsDoNotUnbalanceTheBody() {
		assertThat(shape("{\"data\": {\"name\": \"}]\\\"{[\\\\\", \"b\": [\"]\"]}}\r\n"))
			.isEqualTo(ApiBenchmark.Shape.OBJECT);
		assertThat(shape("{\"data\": {\"name\": \"unterminated}}")).isEqualTo(ApiBenchmark.Shape.NOT_JSON);
		assertThat(shape("{\"data\": null} {\"errors\": [1]}")).isEqualTo(ApiBenchmark.Shape.NOT_JSON);
		assertThat(shape("{\"data\": {}")).isEqualTo(ApiBenchmark.Shape.NOT_JSON);
		assertThat(shape("{\"a\": [1}]")).isEqualTo(ApiBenchmark.Shape.NOT_JSON);
		assertThat(shape("{\"a\": " + "[".repeat(100) + "]".repeat(100) + "}")).isEqualTo(ApiBenchmark.Shape.OBJECT);
		assertThat(shape("  ")).isEqualTo(ApiBenchmark.Shape.NOT_JSON);
	}

	@Test
	void onlyATopLevelErrorsStringSendsTheBodyToTheDecoder() {
		assertThat(shape("{\"data\": {\"errors\": [1], \"a\": \"errors\"}}")).isEqualTo(ApiBenchmark.Shape.OBJECT);
		assertThat(shape("{\"data\": 1, \"errors\": [{\"message\": \"x\"}]}"))
			.isEqualTo(ApiBenchmark.Shape.OBJECT_NAMING_ERRORS);
		// a top-level value that reads "errors" is decoded too, and answers
		assertThat(shape("{\"data\": \"errors\"}")).isEqualTo(ApiBenchmark.Shape.OBJECT_NAMING_ERRORS);
		assertThat(checked(200, "{\"data\": \"errors\"}").error()).isNull();
	}

	private static ApiBenchmark.Shape shape(String body) {
		return ApiBenchmark.shape(body.getBytes(StandardCharsets.UTF_8));
	}

	private ApiBenchmark.Outcome checked(int status, String body) {
		return ApiBenchmark.checked(this.json,
				new KeepAliveHttp.Response(status, body.getBytes(StandardCharsets.UTF_8)));
	}

}
