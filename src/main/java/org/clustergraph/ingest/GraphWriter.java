package org.clustergraph.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.clustergraph.ingest.internal.Decision;
import org.clustergraph.ingest.internal.IdentityResolver;
import org.clustergraph.ingest.internal.IndustryClassifier;
import org.clustergraph.ingest.internal.IndustryTree;
import org.clustergraph.ingest.internal.Place;
import org.clustergraph.ingest.internal.Progress;
import org.clustergraph.ingest.internal.ProgramDescriptor;
import org.clustergraph.ingest.internal.ResolvedCluster;
import org.clustergraph.ingest.internal.ResolvedGraph;
import org.clustergraph.ingest.internal.ResolvedListing;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.EmbeddedNeo4jLauncher;
import org.clustergraph.neo4j.Reads;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes a resolved graph to Neo4j beside the one served, then switches to it.
 * <p>
 * Every node carries the generation of the load that wrote it, and every read starts from
 * the one {@code Serving} node and answers from the generation it names; relationships
 * never join two generations, so a walk from a served node stays in the served graph. A
 * load writes the next generation a batch of clusters per transaction, so that neither
 * the database's transaction state nor the rows sent grow with the inputs, and then
 * switches by setting the {@code Serving} node's one property: readers see the previous
 * graph, complete, until that commits, and the new one after, whatever the graph's size.
 * The replaced generation is deleted in batches afterwards. A load that fails or is
 * killed leaves nodes of a generation nobody serves, which the next load deletes first.
 * <p>
 * Two loads never stage at once: each first claims the database's one {@code LoadClaim}
 * and renews it with every batch; a claim not renewed for
 * {@code clustergraph.load.claim-stale-after} belongs to a dead load and may be taken, as
 * may one made in this process's embedded database before its last start, whose loader
 * ended with that run ({@link org.clustergraph.neo4j.EmbeddedNeo4j#runId()}).
 */
@Component
class GraphWriter {

	private static final Pattern SCHEMA_NAME = Pattern
		.compile("CREATE (?:FULLTEXT |TEXT )?(?:CONSTRAINT|INDEX) (\\w+) IF NOT EXISTS");

	private static final Logger logger = LoggerFactory.getLogger(GraphWriter.class);

	private static final Pattern DROP_NAME = Pattern.compile("DROP (?:CONSTRAINT|INDEX) (\\w+) IF EXISTS");

	/**
	 * The indexes and constraints that {@code cypher/upgrade/} drops: only a store
	 * written before generations holds any of them.
	 */
	static final Set<String> UPGRADE_DROPS = CypherFiles.folder("upgrade")
		.stream()
		.map((statement) -> DROP_NAME.matcher(CypherFiles.get(statement)))
		.filter(Matcher::find)
		.map((drop) -> drop.group(1))
		.collect(Collectors.toUnmodifiableSet());

	/** The labels of the graph's nodes, each of which carries a generation. */
	private static final List<String> GRAPH_LABELS = List.of("Cluster", "Region", "Industry", "Program", "Dataset");

	private final Driver driver;

	private final SessionConfig sessionConfig;

	private final Reads reads;

	private final @Nullable EmbeddedNeo4jLauncher embedded;

	private final LoadProperties properties;

	private volatile boolean schemaEnsured;

	/**
	 * A writer.
	 * @param driver the driver it writes with
	 * @param sessionConfig the database it writes to
	 * @param reads how the same database is read
	 * @param embedded the embedded server that database is, whose schema is then read in
	 * this process; null for an external database
	 * @param properties the load's settings
	 */
	GraphWriter(Driver driver, SessionConfig sessionConfig, Reads reads, @Nullable EmbeddedNeo4jLauncher embedded,
			LoadProperties properties) {
		this.driver = driver;
		this.sessionConfig = sessionConfig;
		this.reads = reads;
		this.embedded = embedded;
		this.properties = properties;
	}

	/**
	 * Creates the constraints and indexes of {@code cypher/schema/} and upgrades a store
	 * written before generations ({@code cypher/upgrade/}); once per process, since
	 * {@link SchemaBeforeServing} may have done it before the first request and every
	 * load asks again.
	 */
	void ensureSchema() {
		if (this.schemaEnsured) {
			return;
		}
		try (Session session = this.driver.session(this.sessionConfig)) {
			// one read of the store's indexes serves the upgrade and the schema: the
			// upgrade drops only old names, none that cypher/schema creates
			Set<String> present = indexNames();
			// a store written before generations: its old constraints and index go
			// first (an index over the same labels and properties would keep its
			// replacement from being created), and its graph becomes generation 0;
			// each statement is its own (implicit) transaction, as some batch
			if (upgradeNeeded(present)) {
				for (String statement : CypherFiles.folder("upgrade")) {
					session.run(CypherFiles.get(statement), Map.of(), longStep()).consume();
				}
			}
			// only what the store lacks, in one transaction: a new store's first start
			// waited a round trip and a commit for each, a restart for nothing
			List<String> missing = CypherFiles.folder("schema")
				.stream()
				.filter((statement) -> !present.contains(schemaName(statement)))
				.toList();
			if (!missing.isEmpty()) {
				session.executeWriteWithoutResult(
						(tx) -> missing.forEach((statement) -> tx.run(CypherFiles.get(statement)).consume()));
			}
			session.run(CypherFiles.get("load/await-indexes"), Map.of(), longStep()).consume();
		}
		this.schemaEnsured = true;
	}

	/**
	 * The name a schema statement gives its index or constraint; a statement whose name
	 * is not found runs every time, which {@code IF NOT EXISTS} makes harmless.
	 */
	private static String schemaName(String statement) {
		Matcher name = SCHEMA_NAME.matcher(CypherFiles.get(statement));
		return name.find() ? name.group(1) : "";
	}

	/**
	 * Whether the store was written before generations and needs {@link #ensureSchema()}
	 * before it serves.
	 * @return whether it holds an index that {@code cypher/upgrade/} drops
	 */
	boolean upgradeNeeded() {
		return upgradeNeeded(indexNames());
	}

	private static boolean upgradeNeeded(Set<String> indexNames) {
		return !Collections.disjoint(indexNames, UPGRADE_DROPS);
	}

	/**
	 * The names of the store's indexes (a unique constraint's index has the constraint's
	 * name): from the embedded database's schema in this process, from
	 * {@code load/index-names} over Bolt for an external one.
	 */
	private Set<String> indexNames() {
		if (this.embedded != null) {
			return this.embedded.await().indexNames();
		}
		try (Session session = this.driver.session(this.sessionConfig)) {
			return Set.copyOf(session.executeRead(
					(tx) -> tx.run(CypherFiles.get("load/index-names")).single().get("names").asList(Value::asString)));
		}
	}

	/**
	 * The fingerprint of the graph in the database.
	 * @return the fingerprint; empty when nothing is loaded
	 */
	String currentFingerprint() {
		return this.reads.one("load/current-fingerprint", Map.of())
			.map((row) -> Objects.toString(row.get("fingerprint"), ""))
			.orElse("");
	}

	/**
	 * Stages a graph beside the served one and switches to it.
	 * @param graph the resolved graph
	 * @param loadedAt the load's time
	 * @throws LoadRefusedException when another load holds the claim, or took it from
	 * this one; the graph served is then left as it was
	 */
	void write(ResolvedGraph graph, Instant loadedAt) {
		write(new AtomicReference<>(graph), loadedAt);
	}

	/**
	 * Stages a graph beside the served one and switches to it, emptying the holder once
	 * the load has taken it, so that the resolved graph is garbage once it is staged,
	 * unless the caller keeps it.
	 * @param holder the resolved graph, taken out before the switch
	 * @param loadedAt the load's time
	 * @throws LoadRefusedException when another load holds the claim, or took it from
	 * this one; the graph served is then left as it was
	 */
	void write(AtomicReference<ResolvedGraph> holder, Instant loadedAt) {
		write(holder, loadedAt, () -> {
		});
	}

	/**
	 * Stages and switches as {@link #write(AtomicReference, Instant)} does, running
	 * {@code staged} between the two: the next generation is complete and nobody reads it
	 * yet (tests read the served graph there).
	 * @param holder the resolved graph, taken out before the switch
	 * @param loadedAt the load's time
	 * @param staged what runs once the next generation is staged, before the switch
	 */
	void write(AtomicReference<ResolvedGraph> holder, Instant loadedAt, Runnable staged) {
		String loadId = UUID.randomUUID().toString();
		try (Session session = this.driver.session(this.sessionConfig)) {
			claim(session, loadId);
			boolean switched = false;
			try {
				// what a failed or killed load left must go before the next generation is
				// staged, or its keys would collide with the leftovers'
				long generation = deleteUnserved(session, "what an earlier load left unserved");
				new Staging(session, loadId, generation, this.properties.batchSize())
					.stage(Objects.requireNonNull(holder.getAndSet(null), "a graph to write"), loadedAt);
				staged.run();
				long started = System.nanoTime();
				session.executeWriteWithoutResult((tx) -> {
					renew(tx, loadId);
					if (!tx.run(CypherFiles.get("load/switch-generation"), Map.of("generation", generation))
						.hasNext()) {
						throw new IllegalStateException("load/switch-generation found no Dataset of generation "
								+ generation + "; the load is abandoned and the graph served is kept");
					}
				});
				switched = true;
				logger.info("Switched to generation {} in {} ms", generation,
						(System.nanoTime() - started) / 1_000_000);
				deleteUnservedOrWarn(session, "the previous graph");
			}
			catch (RuntimeException ex) {
				if (!switched && !(ex instanceof LoadRefusedException)) {
					deleteUnservedOrWarn(session, "the staged graph of the failed load");
				}
				throw ex;
			}
			finally {
				release(session, loadId);
			}
		}
	}

	/**
	 * One load's writing of its generation: every statement it runs gets the generation
	 * as {@code $generation}.
	 */
	private final class Staging {

		private final Session session;

		private final String loadId;

		private final long generation;

		private final int size;

		Staging(Session session, String loadId, long generation, int size) {
			this.session = session;
			this.loadId = loadId;
			this.generation = generation;
			this.size = size;
		}

		void stage(ResolvedGraph graph, Instant loadedAt) {
			inBatches("load/stage-programs", programs(graph));
			inBatches("load/stage-regions", regions(graph));
			inBatches("load/link-regions", parents(graph.regions()));
			inBatches("load/stage-industries", industries(graph));
			inBatches("load/link-industries", industryParents(graph));
			Map<String, Integer> validityYears = validityYears(graph);
			long listings = graph.clusters().stream().mapToLong((c) -> c.listings().size()).sum();
			Progress progress = new Progress("Staging clusters and listings", "listings", listings, Progress.INTERVAL,
					System::nanoTime, logger::info);
			List<ResolvedCluster> clusters = graph.clusters();
			TreeCodes trees = new TreeCodes(graph);
			for (List<ResolvedCluster> batch : batches(clusters, this.size)) {
				this.session.executeWriteWithoutResult((tx) -> {
					renew(tx, this.loadId);
					run(tx, "load/stage-clusters", clusters(batch, trees));
					run(tx, "load/link-cluster-regions", clusterRegions(batch));
					run(tx, "load/link-cluster-industries", clusterIndustries(batch));
					run(tx, "load/create-listings", listings(batch, validityYears));
				});
				progress.advance(batch.stream().mapToLong((c) -> c.listings().size()).sum());
			}
			progress.finish();
			// each possible match's row, with its evidence in words, is made with its
			// batch: all of them at once held hundreds of megabytes at x1000
			inBatches("load/link-possible-matches", graph.possibleMatches(), GraphWriter::possibleMatch);
			Map<String, Object> generation = Map.of("generation", this.generation);
			timed(this.session, "Linking clusters to their provinces", "load/link-cluster-provinces", generation);
			this.session.executeWriteWithoutResult((tx) -> {
				renew(tx, this.loadId);
				tx.run(CypherFiles.get("load/summarize-programs"),
						Map.of("generation", this.generation, "rows", ProgramSummaries
							.of(graph.programs().stream().map((p) -> p.descriptor().key()).toList(), clusters)))
					.consume();
				tx.run(CypherFiles.get("load/count-industry-clusters"), generation).consume();
				tx.run(CypherFiles.get("load/count-region-clusters"), generation).consume();
				tx.run(CypherFiles.get("load/count-neighbours"), generation).consume();
				var counted = tx
					.run(CypherFiles.get("load/set-dataset"), Map.of("generation", this.generation, "loadedAt",
							loadedAt.toString(), "fingerprint", graph.fingerprint()))
					.single();
				// what the graph holds, counted by the database, against what
				// resolution gave
				check("load/set-dataset", "listings", listings, counted.get("listings").asLong());
				check("load/set-dataset", "clusters", clusters.size(), counted.get("clusters").asLong());
			}, longStep());
			timed(this.session, "Waiting for the search index to hold the new names", "load/await-search-index",
					Map.of());
		}

		private void inBatches(String statement, List<Map<String, Object>> rows) {
			inBatches(statement, rows, Function.identity());
		}

		/**
		 * Writes items in batches, each item's row made when its batch is written.
		 */
		private <T> void inBatches(String statement, List<T> items, Function<T, Map<String, Object>> row) {
			long started = System.nanoTime();
			for (List<T> batch : batches(items, this.size)) {
				List<Map<String, Object>> rows = batch.stream().map(row).toList();
				this.session.executeWriteWithoutResult((tx) -> {
					renew(tx, this.loadId);
					run(tx, statement, rows);
				});
			}
			logger.info("{}: {} rows in {} ms", statement, items.size(), (System.nanoTime() - started) / 1_000_000);
		}

		/**
		 * Runs one {@code UNWIND $rows} statement and checks that it wrote one node or
		 * one relationship per row: a row whose nodes were not staged would otherwise be
		 * dropped without a word.
		 */
		private void run(TransactionContext tx, String statement, List<Map<String, Object>> rows) {
			if (rows.isEmpty()) {
				return;
			}
			SummaryCounters counters = tx
				.run(CypherFiles.get(statement), Map.of("rows", rows, "generation", this.generation))
				.consume()
				.counters();
			check(statement, "rows", rows.size(), counters.nodesCreated() + counters.relationshipsCreated());
		}

	}

	private void claim(Session session, String loadId) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("loadId", loadId);
		parameters.put("staleAfter", this.properties.claimStaleAfter().toMillis());
		// a claim made by a loader of this process in an earlier run of its embedded
		// database is a dead load's at once
		parameters.put("run", (this.embedded != null) ? this.embedded.await().runId() : null);
		var holder = session.executeWrite((tx) -> tx.run(CypherFiles.get("load/claim-load"), parameters).single());
		if (!loadId.equals(holder.get("holder").asString())) {
			Instant renewed = Instant.ofEpochMilli(holder.get("renewed").asLong());
			throw new LoadRefusedException(
					"Another load (" + holder.get("holder").asString() + ", since "
							+ Instant.ofEpochMilli(holder.get("since").asLong()) + ", last heard from at " + renewed
							+ ") is writing the next graph; this one is refused and the graph served is kept. "
							+ "A claim not renewed for clustergraph.load.claim-stale-after ("
							+ this.properties.claimStaleAfter() + ") is taken for a dead load's.",
					renewed.plus(this.properties.claimStaleAfter()));
		}
	}

	private static void renew(TransactionContext tx, String loadId) {
		if (!tx.run(CypherFiles.get("load/renew-claim"), Map.of("loadId", loadId)).hasNext()) {
			throw new LoadRefusedException("This load's claim was taken by another load, which took it for dead; "
					+ "this one stops and leaves the graph to that load", null);
		}
	}

	private void release(Session session, String loadId) {
		try {
			session.executeWriteWithoutResult(
					(tx) -> tx.run(CypherFiles.get("load/release-claim"), Map.of("loadId", loadId)).consume());
		}
		catch (Neo4jException ex) {
			logger.warn("Could not release the load's claim; the next load takes it after {}: {}",
					this.properties.claimStaleAfter(), ex.getMessage());
		}
	}

	/**
	 * Deletes the nodes of every generation but the served one, a label at a time.
	 * @return the generation a load stages next, which no node carries now
	 */
	private long deleteUnserved(Session session, String what) {
		long started = System.nanoTime();
		var generations = session.executeRead((tx) -> tx.run(CypherFiles.get("load/next-generation")).single());
		long served = generations.get("served").asLong();
		for (String label : GRAPH_LABELS) {
			session.run(CypherFiles.get("load/delete-unserved"), Map.of("label", label, "served", served), longStep())
				.consume();
		}
		logger.info("Deleting {}: {} ms", what, (System.nanoTime() - started) / 1_000_000);
		return generations.get("generation").asLong();
	}

	/**
	 * Deletes the nodes no read reaches once the load has switched (the previous graph)
	 * or failed (what it staged). Either way the served graph is complete, so a failure
	 * here only leaves unreachable nodes, which the next load deletes: a warning, not a
	 * failed load.
	 */
	private void deleteUnservedOrWarn(Session session, String what) {
		try {
			deleteUnserved(session, what);
		}
		catch (Neo4jException ex) {
			logger.warn("Could not delete {}; the next load deletes it: {}", what, ex.getMessage());
		}
	}

	/**
	 * Runs a statement that batches its own transactions ({@code CALL ... IN
	 * TRANSACTIONS}), so in an implicit transaction, and logs how long it took.
	 */
	private void timed(Session session, String what, String statement, Map<String, Object> parameters) {
		long started = System.nanoTime();
		session.run(CypherFiles.get(statement), parameters, longStep()).consume();
		logger.info("{}: {} ms", what, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * A step of a load may take as long as its claim stays valid, not the database's
	 * default transaction timeout, which is for requests.
	 */
	private TransactionConfig longStep() {
		return TransactionConfig.builder().withTimeout(this.properties.claimStaleAfter()).build();
	}

	/** Consecutive views of at most {@code size} items each. */
	private static <T> List<List<T>> batches(List<T> items, int size) {
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < items.size(); from += size) {
			batches.add(items.subList(from, Math.min(items.size(), from + size)));
		}
		return batches;
	}

	private static void check(String statement, String what, long expected, long written) {
		if (expected != written) {
			throw new IllegalStateException(statement + " wrote " + written + " " + what + " where " + expected
					+ " were resolved; the load is abandoned and the graph served is kept");
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

	private static Map<String, Integer> validityYears(ResolvedGraph graph) {
		Map<String, Integer> validityYears = new HashMap<>();
		graph.programs()
			.stream()
			.filter((p) -> p.descriptor().validity() != null)
			.forEach((p) -> validityYears.put(p.descriptor().key(), p.descriptor().validity().years()));
		return validityYears;
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

	private static List<Map<String, Object>> clusters(List<ResolvedCluster> batch, TreeCodes trees) {
		return batch.stream().map((c) -> {
			List<String> names = c.listings().stream().map((l) -> l.raw().nameAsListed()).distinct().toList();
			long programs = c.listings().stream().map((l) -> l.raw().program()).distinct().count();
			return Map.<String, Object>of("key", c.key(), "name", c.name(), "industryPhrase", c.industryPhrase(),
					"names", names, "programs", programs, "inRegions", trees.inRegions(c), "inIndustries",
					trees.inIndustries(c), "regionLevels", TreeCodes.regionLevels(c));
		}).toList();
	}

	private static List<Map<String, Object>> clusterRegions(List<ResolvedCluster> batch) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ResolvedCluster cluster : batch) {
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
	private static List<Map<String, Object>> clusterIndustries(List<ResolvedCluster> batch) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ResolvedCluster cluster : batch) {
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

	private static Map<String, Object> possibleMatch(IdentityResolver.PossibleMatch match) {
		return Map.of("from", match.from(), "to", match.to(), "score", match.score(), "evidence", match.evidence());
	}

	private static List<Map<String, Object>> listings(List<ResolvedCluster> batch, Map<String, Integer> validityYears) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ResolvedCluster cluster : batch) {
			Map<ResolvedListing, LaterRecognitions.Recognition> recognitions = new IdentityHashMap<>();
			LaterRecognitions.of(cluster).forEach((r) -> recognitions.put(r.later(), r));
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
				row.put("listingOrder", LaterRecognitions.listingOrder(cluster.key(), listing.raw()));
				// the row of laterRecognitions this listing is the later recognition of
				LaterRecognitions.Recognition recognition = recognitions.get(listing);
				row.put("laterOrder", (recognition != null) ? recognition.order() : null);
				row.put("earlierProgram", (recognition != null) ? recognition.earlier().raw().program() : null);
				row.put("earlierOrder", (recognition != null) ? recognition.earlierOrder() : null);
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
