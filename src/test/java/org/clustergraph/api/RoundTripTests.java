package org.clustergraph.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: the number of Cypher statements a request runs grows with the nesting of the
 * query, never with the number of rows. Statements are counted from the Cypher log of
 * Spring Data Neo4j's client, through which every read of the API goes.
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

	private int statements(int first) {
		Logger cypher = (Logger) LoggerFactory.getLogger("org.springframework.data.neo4j.cypher");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Level level = cypher.getLevel();
		cypher.setLevel(Level.DEBUG);
		cypher.addAppender(appender);
		try {
			this.graphQl.document(NESTED)
				.variable("first", first)
				.execute()
				.path("clusters.edges")
				.entityList(Object.class)
				.hasSize(first);
		}
		finally {
			cypher.detachAppender(appender);
			cypher.setLevel(level);
		}
		return (int) appender.list.stream().filter((event) -> event.getLevel() == Level.DEBUG).count();
	}

}
