package org.clustergraph.api;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.clustergraph.GraphTest;
import org.clustergraph.neo4j.Reads;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: the number of Cypher statements a request runs grows with the nesting of the
 * query, never with the number of rows. Statements are counted from the debug log of
 * {@link Reads}, through which every read of the API goes.
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

	@Test
	void readsTheProvincesOfANestedPageOfClustersWithThePage() {
		String fields = "edges { node { id name provinces { code name } } }";
		List<Object> nested = new ArrayList<>();
		int statements = statements(() -> nested
			.add(this.graphQl.document("{ industry(code: \"C\") { clusters(first: 40) { " + fields + " } } }")
				.execute()
				.path("industry.clusters.edges")
				.entityList(Object.class)
				.hasSize(40)
				.get()));
		// The same page from the root connection, whose clusters' provinces come from
		// their batch loader.
		Object root = this.graphQl.document("{ clusters(first: 40, filter: {industry: \"C\"}) { " + fields + " } }")
			.execute()
			.path("clusters.edges")
			.entityList(Object.class)
			.get();
		assertThat(nested).containsExactly(root);
		assertThat(root.toString()).contains("330000", "浙江省");
		// The industry, then its page with the provinces.
		assertThat(statements).isEqualTo(2);
	}

	@Test
	void readsThePagesOfALookedUpClustersIndustriesWithTheLookup() {
		String id = this.graphQl
			.document("{ industry(code: \"3670\") { clusters(first: 1) { edges { node { id } } } } }")
			.execute()
			.path("industry.clusters.edges[0].node.id")
			.entity(String.class)
			.get();
		String page = "totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id name %s } }";
		String after = this.graphQl.document(
				"query($id: ID!) { cluster(id: $id) { industries { clusters(first: 2) { pageInfo { endCursor } } } } }")
			.variable("id", id)
			.execute()
			.path("cluster.industries[0].clusters.pageInfo.endCursor")
			.entity(String.class)
			.get();
		// One page per industry, asked in three ways: each answers as the batch loader
		// answers it.
		String withProvinces = "code clusters(first: 3, after: $after) { " + page.formatted("provinces { code name }")
				+ " }";
		String ownOnly = "code clusters(first: 100, after: $after, includeDescendants: false) { " + page.formatted("")
				+ " }";
		String twoPages = "code first: clusters(first: 1) { " + page.formatted("")
				+ " } next: clusters(first: 2, after: $after) { " + page.formatted("provinces { code }") + " }";
		for (String industries : List.of(withProvinces, ownOnly, twoPages)) {
			String fields = "id provinces { code } industries { " + industries + " }";
			List<Object> lookedUp = new ArrayList<>();
			int statements = statements(() -> lookedUp
				.add(this.graphQl.document("query($id: ID!, $after: String) { cluster(id: $id) { " + fields + " } }")
					.variable("id", id)
					.variable("after", after)
					.execute()
					.path("cluster")
					.entity(Object.class)
					.get()));
			// The same fields through node(id), where the pages come from their loader.
			Object loaded = this.graphQl
				.document("query($id: ID!, $after: String) { node(id: $id) { ... on Cluster { " + fields + " } } }")
				.variable("id", id)
				.variable("after", after)
				.execute()
				.path("node")
				.entity(Object.class)
				.get();
			assertThat(lookedUp).as(industries).containsExactly(loaded);
			// One page per industry goes with the lookup; two pages per industry take
			// the page loader's statement too.
			assertThat(statements).as(industries).isEqualTo((industries == twoPages) ? 2 : 1);
		}
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
		Logger cypher = (Logger) LoggerFactory.getLogger(Reads.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Level level = cypher.getLevel();
		cypher.setLevel(Level.DEBUG);
		cypher.addAppender(appender);
		try {
			request.run();
		}
		finally {
			cypher.detachAppender(appender);
			cypher.setLevel(level);
		}
		return (int) appender.list.stream().filter((event) -> event.getLevel() == Level.DEBUG).count();
	}

}
