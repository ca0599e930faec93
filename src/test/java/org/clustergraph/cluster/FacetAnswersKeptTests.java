package org.clustergraph.cluster;

import java.util.Map;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code clusterFacets} keeps its answers per graph version: asking again reads the kept
 * answer, and a new load (a new version on the Dataset node) makes it count again.
 */
@GraphTest
class FacetAnswersKeptTests {

	private static final String QUERY = "{ clusterFacets(filter: {industry: \"C\"}) { total byProgram { count } } }";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	ClusterFacetsController facets;

	@Autowired
	Neo4jClient neo4j;

	private int total() {
		return this.graphQl.document(QUERY).execute().path("clusterFacets.total").entity(Integer.class).get();
	}

	@Test
	void keepsAnAnswerUntilAnotherLoadWritesANewVersion() {
		this.facets.forgetAnswers();
		int first = total();
		assertThat(this.facets.keptAnswers()).isEqualTo(1);
		assertThat(total()).isEqualTo(first);
		assertThat(this.facets.keptAnswers()).as("asked again: the kept answer, nothing counted anew").isEqualTo(1);
		Object loadedAt = this.neo4j.query("MATCH (d:Dataset {key: 'current'}) RETURN d.loadedAt AS t")
			.fetch()
			.one()
			.orElseThrow()
			.get("t");
		try {
			this.neo4j.query("MATCH (d:Dataset {key: 'current'}) SET d.loadedAt = d.loadedAt + ' again'").run();
			assertThat(total()).isEqualTo(first);
			assertThat(this.facets.keptAnswers()).as("a new version counts again").isEqualTo(2);
		}
		finally {
			this.neo4j.query("MATCH (d:Dataset {key: 'current'}) SET d.loadedAt = $t")
				.bindAll(Map.of("t", loadedAt))
				.run();
		}
	}

}
