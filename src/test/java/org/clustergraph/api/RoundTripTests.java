package org.clustergraph.api;

import java.util.ArrayList;
import java.util.List;

import org.clustergraph.GraphTest;
import org.clustergraph.Statements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: the number of Cypher statements a request runs grows with the nesting of the
 * query, never with the number of rows ({@link Statements} counts them). The pages of an
 * industry's clusters, which are kept between requests, are counted in
 * {@code IndustryPagesApiTests}.
 */
@GraphTest
class RoundTripTests {

	private static final String NESTED = """
			query($first: Int!) { clusters(first: $first) { edges { node { id name
			  listings { year rank program { key } placedIn { code } cluster { id } }
			  programs { key listings(first: 1) { totalCount } }
			  regions { code parent { code } ancestors { code } programs { key }
			    clusters(first: 3) { totalCount edges { node { id } } } children(first: 2) { totalCount } }
			  provinces { code }
			  industries { code parent { code } children { code } provinces { code }
			    clusters(first: 2, includeDescendants: false) { edges { node { id industries { code } } } } } } } } }""";

	@Autowired
	GraphQlTester graphQl;

	@Test
	void runsAsManyStatementsForAHundredClustersAsForTen() {
		int ten = statements(10);
		int hundred = statements(100);
		assertThat(ten).as("statements logged for one request").isGreaterThanOrEqualTo(10);
		assertThat(hundred).isEqualTo(ten);
		// One statement per field of each level, give or take a lookup: far fewer than
		// the rows.
		assertThat(hundred).isLessThan(30);
	}

	@Test
	void looksUpAClusterWithItsPlacesAndIndustriesInOneStatement() {
		String id = this.graphQl
			.document("{ clusters(first: 1, filter: {nameContains: \"仙桃\"}) { edges { node { id } } } }")
			.execute()
			.path("clusters.edges[0].node.id")
			.entity(String.class)
			.get();
		String fields = "id regions { code name parent { code } } provinces { code } industries { code name }";
		List<Object> lookedUp = new ArrayList<>();
		int lookup = statements(
				() -> lookedUp.add(this.graphQl.document("query($id: ID!) { cluster(id: $id) { " + fields + " } }")
					.variable("id", id)
					.execute()
					.path("cluster")
					.entity(Object.class)
					.get()));
		// The same fields of the same cluster reached through node(id), where each comes
		// from its batch loader.
		Object loaded = this.graphQl.document("query($id: ID!) { node(id: $id) { ... on Cluster { " + fields + " } } }")
			.variable("id", id)
			.execute()
			.path("node")
			.entity(Object.class)
			.get();
		assertThat(lookedUp).containsExactly(loaded);
		assertThat(loaded.toString()).contains("420000", "429004");
		// The lookup, then Region.parent's batch for the regions it read.
		assertThat(lookup).isEqualTo(2);
	}

	private int statements(int first) {
		return statements(() -> this.graphQl.document(NESTED)
			.variable("first", first)
			.execute()
			.path("clusters.edges")
			.entityList(Object.class)
			.hasSize(first));
	}

	private static int statements(Runnable request) {
		return Statements.readDuring(request).size();
	}

}
