package org.clustergraph.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lucene queries of a search text: terms as the index's analyzer makes them, every
 * one required in the strict query, and text the parser would read as syntax kept as
 * text.
 */
class SearchQueryTests {

	@Test
	void splitsHanTextIntoCharactersAndOtherTextIntoWords() {
		assertThat(SearchQuery.terms("数控机床")).containsExactly("数", "控", "机", "床");
		assertThat(SearchQuery.terms("5g通信 x-ray")).containsExactly("5g", "通", "信", "x", "ray");
		// a Han character beyond the basic plane is one term, not two halves
		assertThat(SearchQuery.terms("\ud842\udfb7野")).containsExactly("\ud842\udfb7", "野");
		assertThat(SearchQuery.terms(" - ")).isEmpty();
	}

	@Test
	void requiresEveryTermOnlyWhenThereAreSeveral() {
		SearchQuery several = SearchQuery.of("扬州 数控");
		assertThat(several.allTerms()).isEqualTo("\"扬州 数控\"^4 OR (+扬 +州 +数 +控)");
		assertThat(several.anyTerm()).isEqualTo("\"扬州 数控\"^4 OR (扬州 数控)");
		SearchQuery one = SearchQuery.of("茶");
		assertThat(one.allTerms()).isNull();
		assertThat(one.anyTerm()).isEqualTo("\"茶\"^4 OR (茶)");
	}

	@Test
	void keepsOperatorsAndSyntaxAsText() {
		SearchQuery query = SearchQuery.of("  ＡＮＤ (机床)* ");
		assertThat(query.anyTerm()).isEqualTo("\"and \\(机床\\)\\*\"^4 OR (and \\(机床\\)\\*)");
		assertThat(query.allTerms()).isEqualTo("\"and \\(机床\\)\\*\"^4 OR (+and +机 +床)");
	}

}
