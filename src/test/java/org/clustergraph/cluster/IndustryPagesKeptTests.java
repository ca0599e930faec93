package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.GraphQLContext;
import org.clustergraph.api.Connection;
import org.clustergraph.api.KeysetPage;
import org.clustergraph.api.NestedPage;
import org.clustergraph.api.Prefetched;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.region.Region;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IndustryPages} reads only the pages it does not keep, keeps them under the
 * version of the graph they were read from, and stays within its bounds.
 */
class IndustryPagesKeptTests {

	/**
	 * A database whose every industry has two clusters, named after the version the
	 * statement reads, recording the industries each batch asked for.
	 */
	private static final class Graph implements Reads {

		@Nullable String version = "v1";

		final List<List<String>> batches = new ArrayList<>();

		@Override
		public List<Map<String, Object>> all(String statement, Map<String, ? extends @Nullable Object> parameters) {
			if (statement.equals("api/dataset-version")) {
				return (this.version != null) ? List.of(Map.of("version", this.version)) : List.of();
			}
			assertThat(statement).isEqualTo("api/clusters-of-industries");
			List<Map<String, Object>> rows = new ArrayList<>();
			List<String> asked = new ArrayList<>();
			for (Object request : (List<?>) parameters.get("requests")) {
				Map<?, ?> page = (Map<?, ?>) request;
				String industry = (String) page.get("parent");
				asked.add(industry);
				List<Map<String, Object>> items = new ArrayList<>();
				for (int i = 1; i <= 2; i++) {
					Map<String, Object> item = new HashMap<>();
					item.put("key", industry + "-" + i);
					item.put("name", industry + " " + i + " of " + this.version);
					item.put("industryPhrase", "");
					item.put("provinces", List.of(Map.of("code", "330000", "name", "浙江省", "level", "PROVINCE")));
					items.add(item);
				}
				Map<String, Object> row = new HashMap<>(Map.of("id", page.get("id"), "total", 2L, "page", items));
				row.put("version", this.version);
				rows.add(row);
			}
			this.batches.add(asked);
			return rows;
		}

	}

	private final Graph graph = new Graph();

	private static NestedPage page(String industry) {
		return new NestedPage(industry, Map.of("descendants", true, "provinces", true),
				KeysetPage.of("Industry.clusters", 5, null));
	}

	private Map<NestedPage, Connection<Cluster>> ask(IndustryPages pages, @Nullable String version,
			String... industries) {
		return pages.pages(version, Stream.of(industries).map(IndustryPagesKeptTests::page).toList(),
				GraphQLContext.newContext().build());
	}

	private static String firstName(Map<NestedPage, Connection<Cluster>> answer, String industry) {
		return answer.get(page(industry)).edges().get(0).node().name();
	}

	@Test
	void readsOnlyThePagesItDoesNotKeep() {
		IndustryPages pages = new IndustryPages(this.graph, 10, 100);
		Map<NestedPage, Connection<Cluster>> first = ask(pages, "v1", "C", "I");
		Map<NestedPage, Connection<Cluster>> again = ask(pages, "v1", "I", "A");
		assertThat(this.graph.batches).containsExactly(List.of("C", "I"), List.of("A"));
		assertThat(again.get(page("I"))).isEqualTo(first.get(page("I")));
		assertThat(firstName(again, "A")).isEqualTo("A 1 of v1");
		assertThat(pages.keptPages()).isEqualTo(3);
	}

	@Test
	void readsTheVersionWhenTheCallerHasNotAndKeepsNothingOfAnotherVersion() {
		IndustryPages pages = new IndustryPages(this.graph, 10, 100);
		ask(pages, null, "C");
		ask(pages, null, "C");
		assertThat(this.graph.batches).containsExactly(List.of("C"));
		// a load writes a new version: the page is read again, and the old one's dropped
		this.graph.version = "v2";
		assertThat(firstName(ask(pages, null, "C"), "C")).isEqualTo("C 1 of v2");
		assertThat(pages.keptPages()).isEqualTo(1);
		this.graph.version = "v1";
		assertThat(firstName(ask(pages, "v1", "C"), "C")).isEqualTo("C 1 of v1");
		assertThat(this.graph.batches).hasSize(3);
	}

	@Test
	void aPageReadAcrossASwitchIsKeptUnderTheVersionItCameFrom() {
		IndustryPages pages = new IndustryPages(this.graph, 10, 100);
		// the caller's statement read v1, then a load switched before the page was read
		this.graph.version = "v2";
		assertThat(firstName(ask(pages, "v1", "C"), "C")).isEqualTo("C 1 of v2");
		ask(pages, "v2", "C");
		assertThat(this.graph.batches).as("kept under v2").hasSize(1);
		ask(pages, "v1", "C");
		assertThat(this.graph.batches).as("not under v1").hasSize(2);
	}

	@Test
	void keepsNothingOfAGraphWithoutAVersion() {
		// a graph before its first load, or one whose Dataset node is missing
		this.graph.version = null;
		IndustryPages pages = new IndustryPages(this.graph, 10, 100);
		ask(pages, null, "C");
		ask(pages, "v1", "C");
		assertThat(this.graph.batches).hasSize(2);
		assertThat(pages.keptPages()).isZero();
	}

	@Test
	void dropsTheLeastRecentlyUsedPageBeyondItsBounds() {
		IndustryPages byPages = new IndustryPages(this.graph, 2, 100);
		ask(byPages, "v1", "A");
		ask(byPages, "v1", "B");
		ask(byPages, "v1", "A");
		ask(byPages, "v1", "C");
		assertThat(byPages.keptPages()).isEqualTo(2);
		ask(byPages, "v1", "A");
		ask(byPages, "v1", "B");
		assertThat(this.graph.batches).containsExactly(List.of("A"), List.of("B"), List.of("C"), List.of("B"));
		this.graph.batches.clear();
		// two clusters a page: five clusters hold two pages
		IndustryPages byItems = new IndustryPages(this.graph, 100, 5);
		ask(byItems, "v1", "A", "B", "C");
		assertThat(byItems.keptPages()).isEqualTo(2);
	}

	@Test
	void recordsTheProvincesOfEveryPageForTheRequestAskingIt() {
		IndustryPages pages = new IndustryPages(this.graph, 10, 100);
		ask(pages, "v1", "C");
		GraphQLContext context = GraphQLContext.newContext().build();
		List<Connection.Edge<Cluster>> kept = pages.pages("v1", List.of(page("C")), context).get(page("C")).edges();
		assertThat(this.graph.batches).hasSize(1);
		assertThat(Prefetched.get(context, kept.get(0).node(), "provinces"))
			.as("a kept page's clusters carry their provinces into each request")
			.isEqualTo(List.of(new Region("330000", "浙江省", "PROVINCE", null)));
		assertThat(Prefetched.get(context, kept.get(1).node(), "provinces")).as("one list of the same provinces")
			.isSameAs(Prefetched.get(context, kept.get(0).node(), "provinces"));
	}

}
