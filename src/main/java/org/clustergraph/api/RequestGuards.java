package org.clustergraph.api;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Bounds every request before and while it runs: the parser refuses documents longer than
 * {@link ApiProperties#maxCharacters()} or {@link ApiProperties#maxTokens()} (a syntax
 * error, as graphql-java reports it), and a request still running after
 * {@link ApiProperties#requestTimeout()} is answered with an error instead of its data.
 */
@Component
class RequestGuards implements WebGraphQlInterceptor {

	private final ApiProperties limits;

	private final ParserOptions parserOptions;

	RequestGuards(ApiProperties limits) {
		this.limits = limits;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxCharacters(limits.maxCharacters()).maxTokens(limits.maxTokens()));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(ParserOptions.class, this.parserOptions)).build());
		return chain.next(request)
			.timeout(this.limits.requestTimeout())
			.onErrorResume(TimeoutException.class, (ex) -> Mono.just(timedOut(request.toExecutionInput())));
	}

	private WebGraphQlResponse timedOut(ExecutionInput input) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.ExecutionAborted)
				.message("The request ran longer than " + this.limits.requestTimeout().toSeconds()
						+ " s and was stopped; ask for less (smaller first, depth or limit) or narrow the filter")
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input, result));
	}

}
