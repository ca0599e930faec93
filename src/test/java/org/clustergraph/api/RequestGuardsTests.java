package org.clustergraph.api;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request timeout: a request still running when its time is up is answered with an
 * error that says so, and a quick one passes through untouched.
 */
class RequestGuardsTests {

	private final ApiProperties limits = new ApiProperties(12, 10000, 30, 10, 20000, 5000, Duration.ofMillis(200),
			Duration.ofSeconds(8));

	@Test
	void answersARequestThatRunsTooLongWithAnAbortedError() {
		WebGraphQlResponse response = new RequestGuards(this.limits).intercept(request(), (r) -> Mono.never())
			.block(Duration.ofSeconds(5));
		assertThat(response).isNotNull();
		assertThat(response.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.getErrorType().toString()).isEqualTo("ExecutionAborted");
			assertThat(error.getMessage()).contains("ran longer than");
		});
	}

	@Test
	void letsAQuickRequestThrough() {
		WebGraphQlRequest request = request();
		WebGraphQlResponse response = new RequestGuards(this.limits)
			.intercept(request, (r) -> Mono.just(new WebGraphQlResponse(
					new org.springframework.graphql.support.DefaultExecutionGraphQlResponse(r.toExecutionInput(),
							graphql.ExecutionResult.newExecutionResult().data(Map.of("ok", true)).build()))))
			.block(Duration.ofSeconds(5));
		assertThat(response).isNotNull();
		assertThat(response.getErrors()).isEmpty();
		assertThat(response.<Map<String, Object>>getData()).containsEntry("ok", true);
	}

	private static WebGraphQlRequest request() {
		return new WebGraphQlRequest(java.net.URI.create("http://localhost/graphql"), new HttpHeaders(),
				new org.springframework.util.LinkedMultiValueMap<>(), null, Map.of(),
				Map.of("query", "{ dataset { listingCount } }"), "1", null);
	}

}
