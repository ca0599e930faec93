package org.clustergraph.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clustergraph.ingest.internal.Decision;
import org.clustergraph.ingest.internal.IndustryClassifier;
import org.clustergraph.ingest.internal.IndustryTree;
import org.clustergraph.ingest.internal.Place;
import org.clustergraph.ingest.internal.ProgramDescriptor;
import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedGraph;
import org.clustergraph.ingest.internal.ResolvedListing;
import org.clustergraph.neo4j.CypherFiles;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes a resolved graph to Neo4j: the schema first (idempotent), then every node and
 * relationship in one write transaction, so that a failure leaves the previous graph
 * intact.
 */
@Component
class GraphWriter {

	private static final Logger logger = LoggerFactory.getLogger(GraphWriter.class);

	private final Driver driver;

	private final SessionConfig sessionConfig;

	GraphWriter(Driver driver, SessionConfig sessionConfig) {
		this.driver = driver;
		this.sessionConfig = sessionConfig;
	}

	/**
	 * Creates the constraints and indexes of {@code cypher/schema/}.
	 */
	void ensureSchema() {
		try (Session session = this.driver.session(this.sessionConfig)) {
			for (String statement : CypherFiles.folder("schema")) {
				session.executeWriteWithoutResult((tx) -> tx.run(CypherFiles.get(statement)).consume());
			}
		}
	}

	/**
	 * The fingerprint of the graph in the database.
	 * @return the fingerprint; empty when nothing is loaded
	 */
	String currentFingerprint() {
		try (Session session = this.driver.session(this.sessionConfig)) {
			return session.executeRead((tx) -> {
				var result = tx.run(CypherFiles.get("load/current-fingerprint"));
				return result.hasNext() ? result.next().get("fingerprint").asString("") : "";
			});
		}
	}

	/**
	 * Replaces the graph with a new one in a single transaction.
	 * @param graph the resolved graph
	 * @param loadedAt the load's time
	 */
	void write(ResolvedGraph graph, Instant loadedAt) {
		String loadId = UUID.randomUUID().toString();
		try (Session session = this.driver.session(this.sessionConfig)) {
			session.executeWriteWithoutResult((tx) -> {
				run(tx, "load/delete-relationships", Map.of());
				run(tx, "load/merge-programs", Map.of("rows", programs(graph), "loadId", loadId));
				for (List<Map<String, Object>> batch : batches(regions(graph))) {
					run(tx, "load/merge-regions", Map.of("rows", batch, "loadId", loadId));
				}
				for (List<Map<String, Object>> batch : batches(parents(graph.regions()))) {
					run(tx, "load/link-regions", Map.of("rows", batch));
				}
				run(tx, "load/merge-industries", Map.of("rows", industries(graph), "loadId", loadId));
				run(tx, "load/link-industries", Map.of("rows", industryParents(graph)));
				run(tx, "load/merge-clusters", Map.of("rows", clusters(graph), "loadId", loadId));
				run(tx, "load/link-cluster-regions", Map.of("rows", clusterRegions(graph)));
				run(tx, "load/link-cluster-provinces", Map.of());
				run(tx, "load/link-cluster-industries", Map.of("rows", clusterIndustries(graph)));
				run(tx, "load/create-listings", Map.of("rows", listings(graph)));
				run(tx, "load/count-program-clusters", Map.of());
				run(tx, "load/summarize-clusters", Map.of());
				run(tx, "load/link-possible-matches", Map.of("rows", possibleMatches(graph)));
				run(tx, "load/delete-stale", Map.of("loadId", loadId));
				run(tx, "load/set-dataset",
						Map.of("loadedAt", loadedAt.toString(), "fingerprint", graph.fingerprint()));
			});
		}
	}

	/**
	 * Has the database sample its indexes again and forget the plans it made, so that the
	 * statements run after a load are planned from the graph just written. Without it the
	 * planner may go on using samples taken before the load (on a fresh store, of empty
	 * indexes) until its own background sampling catches up: a plan made in between once
	 * answered the provinces of one cluster by walking the whole region tree. The load
	 * has already succeeded when this runs, so a database that refuses it (an external
	 * server whose user may not call the procedure) only costs a warning.
	 */
	void refreshStatistics() {
		long started = System.nanoTime();
		try (Session session = this.driver.session(this.sessionConfig)) {
			session.run(CypherFiles.get("load/prepare-for-replanning")).consume();
			logger.debug("Sampled the indexes again in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		catch (Neo4jException ex) {
			logger.warn("Could not have the database sample its indexes after the load: {}", ex.getMessage());
		}
	}

	private static void run(TransactionContext tx, String statement, Map<String, Object> parameters) {
		long started = System.nanoTime();
		tx.run(CypherFiles.get(statement), parameters).consume();
		logger.debug("{} took {} ms", statement, (System.nanoTime() - started) / 1_000_000);
	}

	private static List<List<Map<String, Object>>> batches(List<Map<String, Object>> rows) {
		List<List<Map<String, Object>>> batches = new ArrayList<>();
		for (int i = 0; i < rows.size(); i += 2000) {
			batches.add(rows.subList(i, Math.min(rows.size(), i + 2000)));
		}
		return batches;
	}

	private static List<Map<String, Object>> programs(ResolvedGraph graph) {
		return graph.programs().stream().map((p) -> {
			Map<String, Object> row = new HashMap<>();
			row.put("key", p.descriptor().key());
			row.put("name", p.descriptor().name());
			row.put("issuer", p.descriptor().issuer());
			row.put("level", p.descriptor().level());
			row.put("years", p.years());
			row.put("document", p.descriptor().document());
			ProgramDescriptor.Validity validity = p.descriptor().validity();
			row.put("validityYears", (validity != null) ? validity.years() : null);
			row.put("validitySource", (validity != null) ? validity.source() : null);
			return row;
		}).toList();
	}

	/**
	 * The regions, each with the levels at which the analysis queries count it: its own
	 * level, and also {@code PREFECTURE} for the prefecture-level units that are not
	 * prefectures (北京市, 仙桃市).
	 */
	private static List<Map<String, Object>> regions(ResolvedGraph graph) {
		return graph.regions().stream().map((r) -> {
			List<String> countsAt = graph.otherPrefectureUnits().contains(r.code())
					? List.of(r.level().name(), Place.Level.PREFECTURE.name()) : List.of(r.level().name());
			Map<String, Object> row = new HashMap<>();
			row.put("code", r.code());
			row.put("name", r.name());
			row.put("level", r.level().name());
			row.put("parent", r.parentCode());
			row.put("source", r.source());
			row.put("countsAt", countsAt);
			return row;
		}).toList();
	}

	private static List<Map<String, Object>> parents(List<Place> regions) {
		return regions.stream()
			.filter((r) -> r.parentCode() != null)
			.map((r) -> Map.<String, Object>of("code", r.code(), "parent", r.parentCode()))
			.toList();
	}

	private static List<Map<String, Object>> industries(ResolvedGraph graph) {
		return graph.industries().stream().map((i) -> {
			Map<String, Object> row = new HashMap<>();
			row.put("code", i.code());
			row.put("name", i.name());
			row.put("level", i.level());
			row.put("parent", i.parentCode());
			return row;
		}).toList();
	}

	private static List<Map<String, Object>> industryParents(ResolvedGraph graph) {
		return graph.industries()
			.stream()
			.filter((i) -> i.parentCode() != null)
			.map((i) -> Map.<String, Object>of("code", i.code(), "parent", i.parentCode()))
			.toList();
	}

	private static List<Map<String, Object>> clusters(ResolvedGraph graph) {
		return graph.clusters().stream().map((c) -> {
			List<String> names = c.listings().stream().map((l) -> l.raw().nameAsListed()).distinct().toList();
			return Map.<String, Object>of("key", c.key(), "name", c.name(), "industryPhrase", c.industryPhrase(),
					"names", names);
		}).toList();
	}

	private static List<Map<String, Object>> clusterRegions(ResolvedGraph graph) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ResolvedCluster cluster : graph.clusters()) {
			for (Place region : cluster.regions()) {
				List<String> evidence = cluster.listings()
					.stream()
					.filter((l) -> l.places().contains(region))
					.map(GraphWriter::source)
					.toList();
				rows.add(Map.of("key", cluster.key(), "code", region.code(), "rule", "deepest-consistent-placement",
						"evidence", evidence));
			}
		}
		return rows;
	}

	/**
	 * The industries of each cluster, each with the most confident of its listings'
	 * classifications that gave it (or an industry above it) and the listings behind it.
	 */
	private static List<Map<String, Object>> clusterIndustries(ResolvedGraph graph) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ResolvedCluster cluster : graph.clusters()) {
			for (IndustryTree.Industry industry : cluster.industries()) {
				List<ResolvedListing> sources = cluster.listings()
					.stream()
					.filter((l) -> l.industries().contains(industry))
					.toList();
				IndustryClassifier.Assignment best = sources.stream()
					.flatMap((l) -> l.assignments().stream())
					.filter((a) -> a.industry().equals(industry))
					.max(Comparator.comparingDouble(IndustryClassifier.Assignment::confidence))
					.orElseThrow();
				Map<String, Object> row = new HashMap<>();
				row.put("key", cluster.key());
				row.put("code", industry.code());
				row.put("rule", best.rule());
				row.put("confidence", best.confidence());
				row.put("detail", best.evidence());
				row.put("evidence", sources.stream().map(GraphWriter::source).toList());
				rows.add(row);
			}
		}
		return rows;
	}

	private static List<Map<String, Object>> possibleMatches(ResolvedGraph graph) {
		return graph.possibleMatches()
			.stream()
			.map((m) -> Map.<String, Object>of("from", m.from(), "to", m.to(), "score", m.score(), "evidence",
					m.evidence()))
			.toList();
	}

	private static List<Map<String, Object>> listings(ResolvedGraph graph) {
		Map<String, Integer> validityYears = new HashMap<>();
		graph.programs()
			.stream()
			.filter((p) -> p.descriptor().validity() != null)
			.forEach((p) -> validityYears.put(p.descriptor().key(), p.descriptor().validity().years()));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ResolvedCluster cluster : graph.clusters()) {
			for (ResolvedListing listing : cluster.listings()) {
				List<Decision> decisions = new ArrayList<>(listing.decisions());
				decisions.addAll(cluster.identity().getOrDefault(listing, List.of()));
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("cluster", cluster.key());
				row.put("program", listing.raw().program());
				row.put("year", listing.raw().year());
				// the last year the designation holds, where the program states a period
				Integer validity = validityYears.get(listing.raw().program());
				row.put("validThrough",
						(listing.raw().year() != null && validity != null) ? listing.raw().year() + validity : null);
				row.put("rank", listing.raw().rank());
				row.put("nameAsListed", listing.raw().nameAsListed());
				row.put("document", listing.raw().document());
				row.put("line", listing.raw().line());
				row.put("url", listing.raw().url());
				row.put("industryPhrase", listing.industryPhrase());
				row.put("placedIn", listing.places().stream().map(Place::code).toList());
				row.put("industryCodes", listing.industries().stream().map(IndustryTree.Industry::code).toList());
				row.put("industryConfidence", listing.assignments().isEmpty() ? null : listing.industryConfidence());
				row.put("industryEvidence",
						listing.assignments()
							.stream()
							.map((a) -> a.industry().code() + " " + a.rule() + ": " + a.evidence())
							.toList());
				row.put("decisionAspects", decisions.stream().map(Decision::aspect).toList());
				row.put("decisionRules", decisions.stream().map(Decision::rule).toList());
				row.put("decisionDetails", decisions.stream().map(Decision::detail).toList());
				rows.add(row);
			}
		}
		return rows;
	}

	private static String source(ResolvedListing listing) {
		return listing.raw().document() + ":" + listing.raw().line();
	}

}
