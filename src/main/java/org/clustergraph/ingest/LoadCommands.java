package org.clustergraph.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.clustergraph.ingest.internal.SourceException;
import org.clustergraph.neo4j.EmbeddedNeo4jLauncher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operator's commands, given as program arguments: the startup load (when the graph
 * is empty or its inputs changed), {@code --reload} to load even when up to date, and
 * {@code --export-csv=FILE} to write the resolved table after loading. It runs before the
 * other application runners (the analysis answers and the warm-ups read the loaded
 * graph).
 *
 * <p>
 * A startup load refused because another load holds the claim (a live one, or a killed
 * one whose claim has not gone stale yet) is asked again in the background, every
 * {@link #RETRY_EVERY} or as soon as that claim goes stale, until a load is no longer
 * refused: it then loads, or finds that the other load left the graph up to date.
 */
@Component
@Order(0)
class LoadCommands implements ApplicationRunner, DisposableBean {

	/** The longest wait between two tries of a refused startup load. */
	static final Duration RETRY_EVERY = Duration.ofMinutes(1);

	private static final Logger logger = LoggerFactory.getLogger(LoadCommands.class);

	private final GraphLoader loader;

	private final ListingCsvExporter exporter;

	private final LoadProperties properties;

	private final Duration retryEvery;

	private volatile @Nullable Thread retry;

	@Autowired
	LoadCommands(GraphLoader loader, ListingCsvExporter exporter, LoadProperties properties, ApplicationArguments args,
			ObjectProvider<EmbeddedNeo4jLauncher> embedded) {
		this(loader, exporter, properties, args, embedded, RETRY_EVERY);
	}

	LoadCommands(GraphLoader loader, ListingCsvExporter exporter, LoadProperties properties, ApplicationArguments args,
			ObjectProvider<EmbeddedNeo4jLauncher> embedded, Duration retryEvery) {
		this.retryEvery = retryEvery;
		this.loader = loader;
		this.exporter = exporter;
		this.properties = properties;
		// A load that will certainly write (forced, or into the store the embedded
		// database is creating) resolves the inputs now, while the database starts
		// and the context is built, instead of after both.
		EmbeddedNeo4jLauncher launcher = embedded.getIfAvailable();
		if (args.containsOption("reload")
				|| (properties.onStartup() && launcher != null && launcher.createsNewStore())) {
			loader.resolveAhead();
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean reload = args.containsOption("reload");
		if (reload || this.properties.onStartup()) {
			try {
				this.loader.load(reload);
			}
			catch (SourceException ex) {
				if (reload || args.containsOption("exit")) {
					throw ex;
				}
				// The service keeps serving the graph it has; the inputs need fixing.
				logger.error("The load was refused and the previous graph is kept. {}", ex.getMessage());
			}
			catch (LoadRefusedException ex) {
				if (reload || args.containsOption("exit")) {
					throw ex;
				}
				logger.error("The load was refused and the previous graph is kept; it is tried again in {} s. {}",
						retryDelay(ex, Instant.now(), this.retryEvery).toSeconds(), ex.getMessage());
				retryInBackground(ex);
			}
		}
		if (args.containsOption("export-csv")) {
			for (String file : args.getOptionValues("export-csv")) {
				int rows = this.exporter.export(Path.of(file));
				logger.info("Wrote {} listing rows to {}", rows, Path.of(file).toAbsolutePath());
			}
		}
	}

	/**
	 * Tries the startup load again on a thread of its own until it is not refused.
	 * @param refused the refusal of the startup load
	 */
	private void retryInBackground(LoadRefusedException refused) {
		this.retry = Thread.ofPlatform().name("load-retry").daemon().start(() -> {
			LoadRefusedException last = refused;
			while (true) {
				try {
					Thread.sleep(retryDelay(last, Instant.now(), this.retryEvery));
					this.loader.load(false);
					return;
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (LoadRefusedException ex) {
					last = ex;
					logger.info("The load was refused again; it is tried again in {} s. {}",
							retryDelay(ex, Instant.now(), this.retryEvery).toSeconds(), ex.getMessage());
				}
				catch (RuntimeException ex) {
					logger.error("The load tried again after a refusal failed; the previous graph is kept", ex);
					return;
				}
			}
		});
	}

	/**
	 * How long to wait before a refused load is tried again: until the claim that refused
	 * it goes stale (a second after, for the clocks' sake), and at most {@code every}, so
	 * that a claim released early is seen soon.
	 */
	static Duration retryDelay(LoadRefusedException refused, Instant now, Duration every) {
		Instant staleAt = refused.staleAt();
		if (staleAt == null) {
			return every;
		}
		Duration untilStale = Duration.between(now, staleAt.plusSeconds(1));
		return untilStale.isNegative() ? Duration.ZERO : (untilStale.compareTo(every) < 0 ? untilStale : every);
	}

	@Override
	public void destroy() {
		Thread thread = this.retry;
		if (thread != null) {
			thread.interrupt();
		}
	}

}
