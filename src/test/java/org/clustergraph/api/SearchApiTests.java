package org.clustergraph.api;

import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-text search over every name on the seed graph: Chinese text without spaces, single
 * characters, ranking, and arguments it refuses.
 */
@GraphTest
class SearchApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final String HITS = """
			query($text: String!, $first: Int) { search(text: $text, first: $first) { score node { __typename id
			  ... on Cluster { name } ... on Region { name } ... on Industry { name } ... on Program { name } } } }""";

	@Autowired
	GraphQlTester graphQl;

	@Test
	void findsClustersByCharactersOfTheirNameWithoutSpaces() {
		GraphQlTester.Response response = this.graphQl.document(HITS)
			.variable("text", "数控机床")
			.variable("first", 20)
			.execute();
		List<String> names = response.path("search[*].node.name").entityList(String.class).get();
		assertThat(names).contains("江苏省扬州市邗江区数控成形机床产业集群");
		// Names holding the text as written come first.
		assertThat(names.getFirst()).contains("数控机床");
		List<Double> scores = response.path("search[*].score").entityList(Double.class).get();
		assertThat(scores.reversed()).isSorted();
	}

	@Test
	void ranksNamesHoldingAPairOfTheTextAboveNamesSharingOnlyCharacters() {
		String text = "数控机床";
		List<String> pairs = List.of("数控", "控机", "机床");
		GraphQlTester.Response response = this.graphQl.document("""
				query($text: String!) { search(text: $text, first: 60) { score node { __typename
				  ... on Cluster { name listings { nameAsListed } } ... on Region { name } ... on Industry { name }
				  ... on Program { name } } } }""").variable("text", text).execute();
		List<Map<String, Object>> nodes = response.path("search[*].node").entityList(MAP).get();
		List<Boolean> holdsAPair = nodes.stream().map((node) -> {
			String names = node.get("name") + " " + node.getOrDefault("listings", List.of());
			return pairs.stream().anyMatch(names::contains);
		}).toList();
		// both kinds are found on the seed graph, and every name holding a pair (the
		// whole text, or 数控 or 机床 apart) comes before every name that shares only
		// some of the characters (机 of 电机, 床 of 床上用品...)
		assertThat(holdsAPair).contains(true, false);
		assertThat(holdsAPair.subList(holdsAPair.indexOf(false), holdsAPair.size())).containsOnly(false);
		assertThat(nodes).allSatisfy(
				(node) -> assertThat(node.get("name") + " " + node.get("listings")).containsAnyOf("数", "控", "机", "床"));
		List<Double> scores = response.path("search[*].score").entityList(Double.class).get();
		assertThat(scores.reversed()).isSorted();
		int firstWithoutAPair = holdsAPair.indexOf(false);
		assertThat(scores.get(firstWithoutAPair)).isLessThan(scores.get(firstWithoutAPair - 1));
	}

	@Test
	void searchesCharactersThatStandApartOneByOne() {
		// no two of the characters are adjacent, so no pair is asked for: every name
		// holding any of them may be found, as with one character
		List<String> names = this.graphQl.document(HITS)
			.variable("text", "茶 机")
			.variable("first", 100)
			.execute()
			.path("search[*].node.name")
			.entityList(String.class)
			.get();
		assertThat(names).anySatisfy((name) -> assertThat(name).contains("茶").doesNotContain("机"))
			.anySatisfy((name) -> assertThat(name).contains("机").doesNotContain("茶"))
			.allSatisfy((name) -> assertThat(name).containsAnyOf("茶", "机"));
	}

	@Test
	void findsTheTeaClustersFromOneCharacter() {
		GraphQlTester.Response response = this.graphQl.document(HITS)
			.variable("text", "茶")
			.variable("first", 50)
			.execute();
		List<String> names = response.path("search[*].node.name").entityList(String.class).get();
		assertThat(names).isNotEmpty().allSatisfy((name) -> assertThat(name).contains("茶"));
		assertThat(response.path("search[*].node.__typename").entityList(String.class).get()).contains("Cluster",
				"Region", "Industry");
	}

	@Test
	void findsProgramsAndRespectsFirst() {
		this.graphQl.document(HITS)
			.variable("text", "中小企业特色产业集群")
			.variable("first", 1)
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.containsExactly("Program:miit-sme");
		// Lucene's operators are plain text here.
		this.graphQl.document(HITS)
			.variable("text", "机床 (AND) \"*")
			.execute()
			.path("search")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
	}

	@Test
	void refusesEmptyOrOverlongTextAndBadPageSizes() {
		for (String text : List.of("  ", "茶".repeat(101))) {
			this.graphQl.document(HITS)
				.variable("text", text)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
		}
		this.graphQl.document(HITS)
			.variable("text", "茶")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
	}

}
