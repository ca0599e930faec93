package org.clustergraph.graph;

import java.util.List;

import org.clustergraph.graph.SearchController.SearchHit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How search chooses between its two indexes and joins their hits, without a database.
 */
class SearchControllerTests {

	@Test
	void asksForPairsOnlyWhenTwoChineseCharactersStandSideBySide() {
		assertThat(SearchText.hasPair("数控机床")).isTrue();
		assertThat(SearchText.hasPair("5G通信")).isTrue();
		// a character of the extension B block is two chars in Java
		assertThat(SearchText.hasPair("𠀀茶")).isTrue();
		assertThat(SearchText.hasPair("茶")).isFalse();
		assertThat(SearchText.hasPair("茶 机")).isFalse();
		assertThat(SearchText.hasPair("a茶b机")).isFalse();
		assertThat(SearchText.hasPair("ab")).isFalse();
	}

	@Test
	void putsTheCharactersHitsAfterThePairsOnesScaledBelowThem() {
		List<SearchHit> pairs = List.of(new SearchHit("a", 9.0), new SearchHit("b", 3.0));
		// the characters' index finds the pairs' names too, and may score them higher
		List<SearchHit> characters = List.of(new SearchHit("c", 12.0), new SearchHit("a", 10.0),
				new SearchHit("d", 6.0), new SearchHit("b", 5.0), new SearchHit("e", 4.0));
		List<SearchHit> hits = SearchController.withCharacters(pairs, characters, 4);
		assertThat(hits).extracting(SearchHit::node).containsExactly("a", "b", "c", "d");
		assertThat(hits).extracting(SearchHit::score).containsExactly(9.0, 3.0, 1.5, 0.75);
	}

	@Test
	void answersFromTheCharactersAloneWhenNoPairIsHeld() {
		List<SearchHit> characters = List.of(new SearchHit("c", 12.0), new SearchHit("d", 6.0),
				new SearchHit("e", 4.0));
		assertThat(SearchController.withCharacters(List.of(), characters, 2)).containsExactly(characters.get(0),
				characters.get(1));
		List<SearchHit> pairs = List.of(new SearchHit("c", 2.0));
		assertThat(SearchController.withCharacters(pairs, List.of(new SearchHit("c", 12.0)), 2))
			.containsExactly(pairs.get(0));
	}

}
