package org.clustergraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
		ResolutionPipeline pipeline = new ResolutionPipeline(files(), GraphShape.digest());
		String fingerprint = pipeline.fingerprint();
		if (!force && fingerprint.equals(this.writer.currentFingerprint())) {
			logger.info("Graph is up to date with its inputs (fingerprint {}); not reloading",
					fingerprint.substring(0, 12));
			return null;
		}
		logger.info("Resolving the inputs (fingerprint {})", fingerprint.substring(0, 12));
		Resolved resolved = resolve(pipeline);
		long resolvedAt = System.nanoTime();
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
