package org.clustergraph.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.clustergraph.GraphTest;
import org.clustergraph.ingest.internal.Decision;
import org.clustergraph.ingest.internal.DirectorySeedFiles;
import org.clustergraph.ingest.internal.RawListing;
import org.clustergraph.ingest.internal.ResolutionPipeline;
import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedGraph;
import org.clustergraph.ingest.internal.ResolvedListing;
import org.clustergraph.neo4j.CypherFiles;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * laterRecognitions with lags, which neither the seeds nor the synthetic lists give (only
 * MIIT's list has editions): the seed graph with years given to the other lists' listings
 * of MIIT's clusters is written, and every program's rows, as the service answers them
 * from what the load recorded, are those the walk of before gives. The seed graph is
 * loaded again afterwards.
 */
@GraphTest
class LaterRecognitionsGraphTests {

	@Autowired
	GraphWriter writer;

	@Autowired
	GraphLoader loader;

	@Autowired
	Driver driver;

	@Autowired
	SessionConfig sessionConfig;

	@Autowired
	GraphQlTester graphQl;

	/**
	 * The seed graph with a year on every listing of another list of a cluster MIIT
	 * lists: two years before MIIT's first to one after it, by the listing's rank, so
	 * that the rows have lags of 1 and 2, none (the same year) and the other way round
	 * (MIIT's listing the earlier).
	 */
	private static ResolvedGraph dated(ResolvedGraph seeds) {
		List<ResolvedCluster> clusters = new ArrayList<>();
		for (ResolvedCluster cluster : seeds.clusters()) {
			Integer first = cluster.listings()
				.stream()
				.filter((l) -> l.raw().program().equals("miit-sme") && l.raw().year() != null)
				.map((l) -> l.raw().year())
				.min(Integer::compare)
				.orElse(null);
			if (first == null || cluster.listings().stream().allMatch((l) -> l.raw().program().equals("miit-sme"))) {
				clusters.add(cluster);
				continue;
			}
			List<ResolvedListing> listings = new ArrayList<>();
			Map<ResolvedListing, List<Decision>> identity = new IdentityHashMap<>();
			for (ResolvedListing listing : cluster.listings()) {
				RawListing raw = listing.raw();
				ResolvedListing moved = raw.program().equals("miit-sme") ? listing
						: new ResolvedListing(
								new RawListing(raw.program(), first - 2 + raw.rank() % 4, raw.rank(),
										raw.nameAsListed(), raw.document(), raw.line(), raw.context(), raw.url()),
								listing.places(), listing.industryPhrase(), listing.assignments(), listing.decisions());
				listings.add(moved);
				identity.put(moved, cluster.identity().getOrDefault(listing, List.of()));
			}
			clusters.add(new ResolvedCluster(cluster.key(), cluster.name(), cluster.industryPhrase(), listings,
					cluster.regions(), cluster.industries(), new HashMap<>(identity)));
		}
		return new ResolvedGraph(seeds.programs(), seeds.regions(), seeds.otherPrefectureUnits(), seeds.industries(),
				clusters, seeds.possibleMatches(), seeds.fingerprint());
	}

	@Test
	void everyProgramsRowsWithLagsAreTheWalksInItsOrder() {
		ResolvedGraph seeds = new ResolutionPipeline(DirectorySeedFiles.classpath(), GraphShape.digest()).run().graph();
		try {
			this.writer.write(dated(seeds), Instant.now());
			Set<String> programs = new TreeSet<>();
			seeds.clusters().forEach((c) -> c.listings().forEach((l) -> programs.add(l.raw().program())));
			Set<Integer> lags = new TreeSet<>();
			Set<String> withLags = new TreeSet<>();
			int fewerWithoutUndated = 0;
			for (String program : programs) {
				Map<Boolean, Integer> totals = new HashMap<>();
				for (boolean undated : List.of(true, false)) {
					String what = program + ", undated " + undated;
					GraphQlTester.Response response = this.graphQl
						.document(
								"""
										query($p: String, $u: Boolean) { laterRecognitions(program: $p, undated: $u, first: 100) {
										  totalCount items { cluster { id } earlier { program { key } year source { document line } }
										  later { year source { document line } } lagYears } } }""")
						.variable("p", program)
						.variable("u", undated)
						.execute();
					List<String> answered = response.path("laterRecognitions.items")
						.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
						})
						.get()
						.stream()
						.map(LaterRecognitionsGraphTests::row)
						.toList();
					Value walked;
					try (Session session = this.driver.session(this.sessionConfig)) {
						walked = session
							.run(CypherFiles.get("api/later-recognitions-walk"),
									Map.of("program", program, "undated", undated, "first", 100))
							.single()
							.get("items");
						int total = response.path("laterRecognitions.totalCount").entity(Integer.class).get();
						assertThat(total).as(what)
							.isEqualTo(session
								.run(CypherFiles.get("api/later-recognitions-walk"),
										Map.of("program", program, "undated", undated, "first", 0))
								.single()
								.get("total")
								.asInt());
						totals.put(undated, total);
					}
					List<String> expected = walked.asList((item) -> {
						Value earlier = item.get("earlier");
						Value later = item.get("later");
						if (!item.get("lag").isNull()) {
							lags.add(item.get("lag").asInt());
							withLags.add(program);
						}
						return "Cluster:" + item.get("cluster").asString() + " " + item.get("earlierProgram").asString()
								+ " " + year(earlier) + " " + earlier.get("document").asString() + ":"
								+ earlier.get("line").asInt() + " before " + year(later) + " "
								+ later.get("document").asString() + ":" + later.get("line").asInt() + " lag "
								+ (item.get("lag").isNull() ? "none" : item.get("lag").asInt());
					});
					assertThat(answered).as(what).containsExactlyElementsOf(expected);
				}
				fewerWithoutUndated += (totals.get(false) < totals.get(true)) ? 1 : 0;
			}
			assertThat(lags).as("lags").contains(1, 2);
			assertThat(withLags).as("programs with lags").contains("miit-sme").hasSizeGreaterThan(1);
			assertThat(fewerWithoutUndated).as("programs with rows whose earlier listing has no year").isPositive();
		}
		finally {
			this.loader.load(true);
		}
	}

	private static String year(Value listing) {
		return listing.get("year").isNull() ? "none" : String.valueOf(listing.get("year").asInt());
	}

	/** A row of the API's answer, written as the walk's rows are. */
	@SuppressWarnings("unchecked")
	private static String row(Map<String, Object> item) {
		Map<String, Object> earlier = (Map<String, Object>) item.get("earlier");
		Map<String, Object> later = (Map<String, Object>) item.get("later");
		return ((Map<String, Object>) item.get("cluster")).get("id") + " "
				+ ((Map<String, Object>) earlier.get("program")).get("key") + " " + year(earlier) + " "
				+ source(earlier) + " before " + year(later) + " " + source(later) + " lag "
				+ ((item.get("lagYears") != null) ? item.get("lagYears") : "none");
	}

	private static String year(Map<String, Object> listing) {
		return (listing.get("year") != null) ? String.valueOf(listing.get("year")) : "none";
	}

	@SuppressWarnings("unchecked")
	private static String source(Map<String, Object> listing) {
		Map<String, Object> source = (Map<String, Object>) listing.get("source");
		return source.get("document") + ":" + source.get("line");
	}

}
