package org.clustergraph.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field whose value a parent recorded answers with it, without its data fetcher and
 * without the wrapping other instrumentations give a fetch (Micrometer's observations in
 * the service); a field with nothing recorded is fetched, and wrapped, as before.
 */
class PrefetchedTests {

	record Thing(String name) {
	}

	/** Counts the fetches it wraps, as an observation would time them. */
	static final class Wrapping extends SimplePerformantInstrumentation {

		final AtomicInteger wrapped = new AtomicInteger();

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, @Nullable InstrumentationState state) {
			if (parameters.isTrivialDataFetcher()) {
				return dataFetcher;
			}
			return (environment) -> {
				this.wrapped.incrementAndGet();
				return dataFetcher.get(environment);
			};
		}

	}

	@Test
	void aRecordedFieldAnswersWithoutItsFetcherOrTheWrappingOfAFetch() {
		AtomicInteger fetched = new AtomicInteger();
		Wrapping wrapping = new Wrapping();
		GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
			.schemaResources(new ByteArrayResource("""
					type Query { things: [Thing] }
					type Thing { name: String tags: [String] }""".getBytes(StandardCharsets.UTF_8)))
			.configureRuntimeWiring(
					(wiring) -> wiring.type("Query", (type) -> type.dataFetcher("things", (environment) -> {
						Thing first = new Thing("recorded");
						Prefetched.put(environment.getGraphQlContext(), first, "tags", List.of("from the parent"));
						return List.of(first, new Thing("not recorded"));
					})).type("Thing", (type) -> type.dataFetcher("tags", (environment) -> {
						fetched.incrementAndGet();
						return List.of("fetched");
					})))
			.instrumentation(List.of(wrapping));
		Prefetched.answering("Thing", "tags").customize(builder);
		ExecutionResult result = builder.build().graphQl().execute("{ things { name tags } }");
		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData())
			.isEqualTo(Map.of("things", List.of(Map.of("name", "recorded", "tags", List.of("from the parent")),
					Map.of("name", "not recorded", "tags", List.of("fetched")))));
		assertThat(fetched).as("fetcher calls").hasValue(1);
		// the root field and the one tags fetched
		assertThat(wrapping.wrapped).as("wrapped fetches").hasValue(2);
	}

}
