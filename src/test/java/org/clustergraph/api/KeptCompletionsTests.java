package org.clustergraph.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marked page's completed answer is kept per version, key, selection and the variables
 * the selection reads, and given again without completing the page's fields.
 */
class KeptCompletionsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PAGE = "{ page(n: 2) { totalCount edges { cursor node { name } } } }";

	/** How often an item's name was fetched. */
	private final AtomicInteger names = new AtomicInteger();

	/** How often a page's edges were made. */
	private final AtomicInteger edgesMade = new AtomicInteger();

	private final AtomicReference<String> version = new AtomicReference<>("v1");

	/** A service over a schema whose pages of n items are marked (n above zero). */
	private GraphQL service(KeptCompletions kept) {
		GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
			.schemaResources(new ByteArrayResource("""
					type Query { page(n: Int!): Page  fails: String }
					type Page { totalCount: Int edges: [Edge!]! }
					type Edge { cursor: String! node: Item! }
					type Item { name: String! tag(upper: Boolean!): String! broken: String length(of: String): Int }"""
				.getBytes(StandardCharsets.UTF_8)))
			.configureRuntimeWiring((wiring) -> wiring.type("Query", (type) -> type.dataFetcher("page", (env) -> {
				int n = env.<Integer>getArgument("n");
				List<Item> items = new ArrayList<>();
				for (int i = 0; i < Math.abs(n); i++) {
					items.add(new Item("item " + i + " of " + n));
				}
				Connection<Item> page = Connection.whenRead(items, KeysetPage.of("Query.page", 100, null), Item::name,
						items.size(), (size) -> this.edgesMade.incrementAndGet());
				if (n > 0) {
					KeptCompletions.mark(env.getGraphQlContext(), page, this.version.get(), n);
				}
				return page;
			}).dataFetcher("fails", (env) -> {
				throw new IllegalStateException("this field fails");
			})).type("Item", (type) -> type.dataFetcher("name", (env) -> {
				this.names.incrementAndGet();
				return env.<Item>getSource().name();
			}).dataFetcher("length", (env) -> {
				String of = env.getArgument("of");
				return (of != null) ? of.length() : null;
			}).dataFetcher("broken", (env) -> {
				throw new IllegalStateException("this field fails");
			}).dataFetcher("tag", (env) -> {
				String name = env.<Item>getSource().name();
				return Boolean.TRUE.equals(env.getArgument("upper")) ? name.toUpperCase() : name;
			})));
		new DocumentCache().customize(builder);
		kept.customize(builder);
		return builder.build().graphQl();
	}

	private static KeptCompletions kept(long bound) {
		return new KeptCompletions(new StaticListableBeanFactory().getBeanProvider(DataFetcherExceptionResolver.class),
				JSON, true, bound);
	}

	private static ExecutionResult run(GraphQL service, String query, Map<String, Object> variables) {
		return service.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
	}

	private static String encoded(ExecutionResult result) {
		return JSON.writeValueAsString(result.toSpecification());
	}

	@Test
	void aPageCompletedOnceIsGivenAgainWithoutCompletingItsFields() {
		KeptCompletions kept = kept(1 << 20);
		GraphQL service = service(kept);
		ExecutionResult first = run(service, PAGE, Map.of());
		assertThat(first.getErrors()).isEmpty();
		assertThat(this.names).hasValue(2);
		assertThat(this.edgesMade).hasValue(1);
		assertThat(kept.size()).isEqualTo(1);
		ExecutionResult again = run(service, PAGE, Map.of());
		assertThat(again.getErrors()).isEmpty();
		assertThat(this.names).as("names fetched again").hasValue(2);
		assertThat(this.edgesMade).as("edges made again").hasValue(1);
		// the same text in the response, and the same map in the process
		assertThat(encoded(again)).isEqualTo(encoded(first))
			.contains("\"edges\":[{\"cursor\":\"", "\"node\":{\"name\":\"item 1 of 2\"}");
		assertThat(again.<Map<String, Object>>getData()).isEqualTo(first.getData());
		assertThat(again.<Map<String, Object>>getData().get("page")).isInstanceOf(KeptCompletions.Answer.class);
	}

	@Test
	void anotherPageSelectionOrVariableIsAnotherAnswer() {
		KeptCompletions kept = kept(1 << 20);
		GraphQL service = service(kept);
		String tagged = "query($upper: Boolean!) { page(n: 2) { edges { node { tag(upper: $upper) } } } }";
		String upper = encoded(run(service, tagged, Map.of("upper", true)));
		String lower = encoded(run(service, tagged, Map.of("upper", false)));
		assertThat(upper).contains("ITEM 0 OF 2").doesNotContain("item 0 of 2");
		assertThat(lower).contains("item 0 of 2").doesNotContain("ITEM 0 OF 2");
		String three = encoded(run(service, "{ page(n: 3) { totalCount edges { node { name } } } }", Map.of()));
		assertThat(three).contains("\"totalCount\":3", "item 2 of 3");
		String named = encoded(run(service, "{ page(n: 2) { edges { node { name } } } }", Map.of()));
		assertThat(named).contains("item 0 of 2").doesNotContain("cursor");
		assertThat(kept.size()).isEqualTo(4);
		assertThat(encoded(run(service, tagged, Map.of("upper", true)))).isEqualTo(upper);
		assertThat(encoded(run(service, tagged, Map.of("upper", false)))).isEqualTo(lower);
		assertThat(kept.size()).isEqualTo(4);
	}

	@Test
	void aNewVersionOfTheGraphCompletesAgainAndDropsTheOthers() {
		KeptCompletions kept = kept(1 << 20);
		GraphQL service = service(kept);
		run(service, PAGE, Map.of());
		run(service, "{ page(n: 3) { totalCount } }", Map.of());
		assertThat(kept.size()).isEqualTo(2);
		this.version.set("v2");
		run(service, PAGE, Map.of());
		assertThat(this.names).as("completed again at the new version").hasValue(4);
		assertThat(kept.size()).isEqualTo(1);
	}

	@Test
	void nothingIsKeptOfAPageWithAnErrorUnderIt() {
		KeptCompletions kept = kept(1 << 20);
		GraphQL service = service(kept);
		String broken = "{ page(n: 2) { edges { node { name broken } } } }";
		ExecutionResult failed = run(service, broken, Map.of());
		assertThat(failed.getErrors()).hasSize(2);
		assertThat(kept.size()).isZero();
		assertThat(run(service, broken, Map.of()).getErrors()).hasSize(2);
		assertThat(this.names).as("completed each time").hasValue(4);
		// an error beside the page is not the page's
		String beside = "{ page(n: 2) { edges { node { name } } } fails }";
		assertThat(run(service, beside, Map.of()).getErrors()).hasSize(1);
		assertThat(kept.size()).isEqualTo(1);
	}

	@Test
	void aPageNotMarkedIsCompletedEachTime() {
		KeptCompletions kept = kept(1 << 20);
		GraphQL service = service(kept);
		String unmarked = "{ page(n: -2) { edges { node { name } } } }";
		String first = encoded(run(service, unmarked, Map.of()));
		assertThat(encoded(run(service, unmarked, Map.of()))).isEqualTo(first);
		assertThat(this.names).hasValue(4);
		assertThat(kept.size()).isZero();
	}

	@Test
	void theLeastRecentlyUsedAnswersGoBeyondTheBound() {
		KeptCompletions measure = kept(1 << 20);
		run(service(measure), PAGE, Map.of());
		long one = measure.bytes();
		assertThat(one).isPositive();
		// room for one page of two items and not two
		KeptCompletions kept = kept(one + one / 2);
		GraphQL service = service(kept);
		run(service, PAGE, Map.of());
		run(service, "{ page(n: 1) { totalCount edges { cursor node { name } } } }", Map.of());
		assertThat(kept.size()).isEqualTo(1);
		assertThat(kept.bytes()).isLessThanOrEqualTo(one + one / 2);
		int before = this.names.get();
		run(service, PAGE, Map.of());
		assertThat(this.names).as("the first page was dropped").hasValue(before + 2);
	}

	@Test
	void theVariablesASelectionReadsAreItsKeyAndCountTowardsTheBound() {
		KeptCompletions kept = kept(1 << 20);
		GraphQL service = service(kept);
		// $unused is read beside the page, by a page not marked
		String measured = "query($of: String, $unused: String) { page(n: 1) { edges { node { length(of: $of) } } } "
				+ "other: page(n: -1) { edges { node { length(of: $unused) } } } }";
		run(service, measured, Map.of("of", "x"));
		long small = kept.bytes();
		// a variable the selection does not read is no part of the key
		run(service, measured, Map.of("of", "x", "unused", "y".repeat(100_000)));
		assertThat(kept.size()).isEqualTo(1);
		assertThat(kept.bytes()).isEqualTo(small);
		// one it reads is, however little of it the answer shows
		String answer = encoded(run(service, measured, Map.of("of", "x".repeat(100_000))));
		assertThat(answer).contains("\"length\":100000");
		assertThat(kept.size()).isEqualTo(2);
		assertThat(kept.bytes()).isGreaterThan(2 * small + 200_000);
	}

	@Test
	void switchedOffNothingIsKept() {
		KeptCompletions off = new KeptCompletions(
				new StaticListableBeanFactory().getBeanProvider(DataFetcherExceptionResolver.class), JSON, false,
				1 << 20);
		GraphQL service = service(off);
		run(service, PAGE, Map.of());
		run(service, PAGE, Map.of());
		assertThat(this.names).hasValue(4);
		assertThat(off.size()).isZero();
	}

	record Item(String name) {
	}

}
