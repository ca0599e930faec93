package org.clustergraph.analysis;

import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.clustergraph.neo4j.CypherFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis answers are computed once per graph version: right after the startup load
 * at every level (by {@link AnalysisWarmup}), then served as kept until a load (a new
 * version on the Dataset node) makes them computed again; every minimum is served from
 * the answer kept for its level.
 */
@GraphTest
class AnalysisAnswersKeptTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	AnalysisAnswers answers;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	AnalysisWarmup warmup;

	@Test
	void computesEveryLevelOfEveryQueryAheadSoThatNoRequestDoes() {
		// as at startup, after the load's runner (other tests load graphs of their own
		// since, so the startup's answers may be of another version)
		this.answers.forgetAnswers();
		this.warmup.run(new DefaultApplicationArguments());
		for (String level : AnalysisAnswers.REGION_LEVELS) {
			assertThat(this.answers.isKept("regionsInMultiplePrograms", level)).as(level).isTrue();
			assertThat(this.answers.isKept("programOverlap", level)).as(level).isTrue();
		}
		for (String level : AnalysisAnswers.INDUSTRY_LEVELS) {
			assertThat(this.answers.isKept("industrySpread", level)).as(level).isTrue();
		}
		int kept = this.answers.keptAnswers();
		assertThat(kept).isEqualTo(2 * AnalysisAnswers.REGION_LEVELS.size() + AnalysisAnswers.INDUSTRY_LEVELS.size());
		this.graphQl.document(
				"""
						{ r: regionsInMultiplePrograms(level: COUNTY, minPrograms: 3) { programCount }
						  s: industrySpread(level: CLASS) { provinceCount } o: programOverlap(regionLevel: ZONE) { sharedRegions } }""")
			.execute()
			.path("r")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
		assertThat(this.answers.keptAnswers()).as("every answer asked was kept").isEqualTo(kept);
	}

	@Test
	void computesTheAnswersAgainInTheBackgroundWhenAnotherLoadSwitchesTheGraph() {
		this.warmup.recheck();
		int kept = this.answers.keptAnswers();
		this.warmup.recheck();
		assertThat(this.answers.keptAnswers()).as("the same version: nothing computed").isEqualTo(kept);
		Object loadedAt = loadedAt();
		try {
			// what another process's load looks like from here: a new version
			this.neo4j.query("MATCH (d:Dataset {key: 'current'}) SET d.loadedAt = d.loadedAt + ' elsewhere'").run();
			assertThat(this.answers.isKept("programOverlap", "PREFECTURE")).isFalse();
			this.warmup.recheck();
			for (String level : AnalysisAnswers.REGION_LEVELS) {
				assertThat(this.answers.isKept("regionsInMultiplePrograms", level)).as(level).isTrue();
				assertThat(this.answers.isKept("programOverlap", level)).as(level).isTrue();
			}
			for (String level : AnalysisAnswers.INDUSTRY_LEVELS) {
				assertThat(this.answers.isKept("industrySpread", level)).as(level).isTrue();
			}
		}
		finally {
			restoreLoadedAt(loadedAt);
		}
	}

	@Test
	void servesEveryMinimumAsTheStatementFiltersIt() {
		for (int min = 1; min <= 5; min++) {
			assertThat(this.graphQl
				.document("{ r: regionsInMultiplePrograms(level: PREFECTURE, minPrograms: " + min
						+ ") { region { code } } }")
				.execute()
				.path("r[*].region.code")
				.entityList(String.class)
				.get()).as("minPrograms %d", min)
				.containsExactlyElementsOf(column("analysis/regions-in-multiple-programs",
						Map.of("level", "PREFECTURE", "minPrograms", min), "region", "code"));
			assertThat(this.graphQl
				.document("{ s: industrySpread(level: DIVISION, minProvinces: " + (min * 4 - 3)
						+ ") { industry { code } } }")
				.execute()
				.path("s[*].industry.code")
				.entityList(String.class)
				.get()).as("minProvinces %d", min * 4 - 3)
				.containsExactlyElementsOf(column("analysis/industry-spread",
						Map.of("level", "DIVISION", "minProvinces", min * 4 - 3), "industry", "code"));
		}
	}

	@Test
	void servesTheKeptAnswerUntilAnotherLoadWritesANewVersion() {
		String a = "hubei";
		String b = "miit-sme";
		int shared = shared(a, b);
		assertThat(shared).isEqualTo(count("""
				MATCH (:Program {key: $a})<-[:LISTED_IN]-(c:Cluster)-[:LISTED_IN]->(:Program {key: $b})
				RETURN count(DISTINCT c) AS n""", a, b));
		// a listing by b of a cluster only a lists: one more shared cluster
		String cluster = this.neo4j.query("""
				MATCH (c:Cluster)-[:LISTED_IN]->(:Program {key: $a})
				WHERE NOT EXISTS { (c)-[:LISTED_IN]->(:Program {key: $b}) }
				RETURN c.key AS key ORDER BY key LIMIT 1""")
			.bindAll(Map.of("a", a, "b", b))
			.fetchAs(String.class)
			.one()
			.orElseThrow();
		Object loadedAt = loadedAt();
		try {
			this.neo4j.query("""
					MATCH (c:Cluster {key: $cluster}), (p:Program {key: $b})
					CREATE (c)-[:LISTED_IN {year: 1900, keptAnswersTest: true}]->(p)""")
				.bindAll(Map.of("cluster", cluster, "b", b))
				.run();
			assertThat(shared(a, b)).as("the graph changed without a load: the kept answer").isEqualTo(shared);
			this.neo4j.query("MATCH (d:Dataset {key: 'current'}) SET d.loadedAt = d.loadedAt + ' again'").run();
			assertThat(shared(a, b)).as("a new version: computed again").isEqualTo(shared + 1);
		}
		finally {
			this.neo4j.query("MATCH ()-[l:LISTED_IN {keptAnswersTest: true}]->() DELETE l").run();
			restoreLoadedAt(loadedAt);
		}
		assertThat(shared(a, b)).as("the version before: its kept answer").isEqualTo(shared);
	}

	/** The load time of the graph served, which the graph's version includes. */
	private Object loadedAt() {
		return this.neo4j.query("MATCH (d:Dataset {key: 'current'}) RETURN d.loadedAt AS t")
			.fetch()
			.one()
			.orElseThrow()
			.get("t");
	}

	private void restoreLoadedAt(Object loadedAt) {
		this.neo4j.query("MATCH (d:Dataset {key: 'current'}) SET d.loadedAt = $t").bindAll(Map.of("t", loadedAt)).run();
	}

	private int shared(String a, String b) {
		List<Integer> shared = this.graphQl.document("{ programOverlap { a { key } b { key } sharedClusters } }")
			.execute()
			.path("programOverlap[?(@.a.key == '" + a + "' && @.b.key == '" + b + "')].sharedClusters")
			.entityList(Integer.class)
			.get();
		assertThat(shared).hasSize(1);
		return shared.getFirst();
	}

	private int count(String cypher, String a, String b) {
		return this.neo4j.query(cypher)
			.bindAll(Map.of("a", a, "b", b))
			.fetchAs(Integer.class)
			.mappedBy((types, record) -> record.get("n").asInt())
			.one()
			.orElseThrow();
	}

	private List<String> column(String statement, Map<String, Object> parameters, String column, String property) {
		return this.neo4j.query(CypherFiles.get(statement))
			.bindAll(parameters)
			.fetch()
			.all()
			.stream()
			.map((row) -> (String) ((Map<?, ?>) row.get(column)).get(property))
			.toList();
	}

}
