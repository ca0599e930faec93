package org.clustergraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.clustergraph.ingest.internal.DirectorySeedFiles;
import org.clustergraph.ingest.internal.ResolutionPipeline;
import org.clustergraph.ingest.internal.ResolutionReport;
import org.clustergraph.ingest.internal.ResolvedGraph;
import org.clustergraph.ingest.internal.SeedFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Loads the seed documents into the graph: resolves them completely first, so that bad
 * input fails before anything is written, then stages the new graph beside the served one
 * and switches to it in one transaction ({@link GraphWriter}).
 */
@Service
public class GraphLoader {

	private static final Logger logger = LoggerFactory.getLogger(GraphLoader.class);

	private final GraphWriter writer;

	private final LoadProperties properties;

	/** A resolution begun by {@link #resolveAhead()} that no load has taken yet. */
	private final AtomicReference<CompletableFuture<Resolved>> ahead = new AtomicReference<>();

	GraphLoader(GraphWriter writer, LoadProperties properties) {
		this.writer = writer;
		this.properties = properties;
	}

	/**
	 * Loads when forced, when the graph is empty, or when the inputs' fingerprint differs
	 * from the loaded graph's.
	 * @param force load even when the graph is up to date
	 * @return the report of the load, or null when nothing needed loading
	 * @throws org.clustergraph.ingest.internal.SourceException when the inputs cannot be
	 * loaded; the graph is then left as it was
	 * @throws LoadRefusedException when another load is writing; the graph is left as it
	 * was
	 */
	public @Nullable ResolutionReport load(boolean force) {
		long started = System.nanoTime();
		this.writer.ensureSchema();
		CompletableFuture<Resolved> early = this.ahead.getAndSet(null);
		if (early != null) {
			// resolved while the database started: the inputs' fingerprint is the
			// graph's
			long waiting = System.nanoTime();
			Resolved resolved = awaitAhead(early);
			ResolvedGraph graph = resolved.graph().get();
			if (graph != null && (force || !graph.fingerprint().equals(this.writer.currentFingerprint()))) {
				logger.info("Writing the inputs resolved ahead (fingerprint {}); waited {} ms for them",
						graph.fingerprint().substring(0, 12), Duration.ofNanos(System.nanoTime() - waiting).toMillis());
				return write(resolved, started, System.nanoTime());
			}
		}
		ResolutionPipeline pipeline = new ResolutionPipeline(files(), GraphShape.digest());
		String fingerprint = pipeline.fingerprint();
		if (!force && fingerprint.equals(this.writer.currentFingerprint())) {
			logger.info("Graph is up to date with its inputs (fingerprint {}); not reloading",
					fingerprint.substring(0, 12));
			return null;
		}
		logger.info("Resolving the inputs (fingerprint {})", fingerprint.substring(0, 12));
		Resolved resolved = resolve(pipeline);
		return write(resolved, started, System.nanoTime());
	}

	/**
	 * Begins resolving the inputs on a thread of its own, for the next {@link #load} to
	 * write: at start-up the resolution, which needs no database, then runs while the
	 * database starts. Only for a load that is sure to happen (a new store, or
	 * {@code --reload}): a graph found up to date makes the work wasted. The next load
	 * writes the inputs as they were read here.
	 * @return completes when the resolution is done, exceptionally when it failed (the
	 * load then throws its error)
	 */
	public CompletableFuture<Void> resolveAhead() {
		CompletableFuture<Resolved> future = new CompletableFuture<>();
		if (!this.ahead.compareAndSet(null, future)) {
			CompletableFuture<Resolved> begun = this.ahead.get();
			return (begun != null) ? begun.thenRun(() -> {
			}) : CompletableFuture.completedFuture(null);
		}
		Thread.ofPlatform().name("resolve-ahead").daemon().start(() -> {
			try {
				long started = System.nanoTime();
				Resolved resolved = resolve(new ResolutionPipeline(files(), GraphShape.digest()));
				logger.info("Resolved {} listings into {} clusters ahead of the load in {} ms",
						resolved.report().listings(), resolved.report().clusters(),
						Duration.ofNanos(System.nanoTime() - started).toMillis());
				future.complete(resolved);
			}
			catch (Throwable ex) {
				future.completeExceptionally(ex);
			}
		});
		return future.thenRun(() -> {
		});
	}

	private static Resolved awaitAhead(CompletableFuture<Resolved> early) {
		try {
			return early.join();
		}
		catch (CompletionException ex) {
			// the inputs' own error (a SourceException naming file and line), as a
			// resolution on this thread would have thrown it
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("Resolving the inputs failed", ex.getCause());
		}
	}

	private ResolutionReport write(Resolved resolved, long started, long resolvedAt) {
		ResolutionReport report = resolved.report();
		logger.info("Resolved {} listings into {} clusters in {} ms; writing", report.listings(), report.clusters(),
				Duration.ofNanos(resolvedAt - started).toMillis());
		this.writer.write(resolved.graph(), Instant.now());
		this.writer.refreshStatistics();
		writeReport(report);
		logger.info(
				"Loaded {} listings into {} clusters ({} with several listings) in {} ms (resolve {} ms, write {} ms); "
						+ "report in {}",
				report.listings(), report.clusters(), report.mergedClusters(),
				Duration.ofNanos(System.nanoTime() - started).toMillis(),
				Duration.ofNanos(resolvedAt - started).toMillis(),
				Duration.ofNanos(System.nanoTime() - resolvedAt).toMillis(), this.properties.reportFile());
		return report;
	}

	/**
	 * Runs the pipeline and hands its graph over in a holder that the writer empties once
	 * it has staged it, so that no frame of the load keeps the resolved graph reachable
	 * while the switch's transaction needs the heap.
	 */
	private static Resolved resolve(ResolutionPipeline pipeline) {
		ResolutionPipeline.Outcome outcome = pipeline.run(logger::info);
		return new Resolved(new AtomicReference<>(outcome.graph()), outcome.report());
	}

	private record Resolved(AtomicReference<ResolvedGraph> graph, ResolutionReport report) {
	}

	private SeedFiles files() {
		Path directory = this.properties.seedsDirectory();
		return (directory != null && !directory.toString().isEmpty()) ? DirectorySeedFiles.of(directory)
				: DirectorySeedFiles.classpath();
	}

	private void writeReport(ResolutionReport report) {
		Path file = this.properties.reportFile();
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			// a line at a time: at a thousand times the seeds the report runs to hundreds
			// of
			// megabytes of text, which one string would hold in the heap at once
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				report.writeTo(out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the resolution report to " + file, ex);
		}
	}

}
