package org.clustergraph.ingest;

import java.nio.file.Path;

import org.clustergraph.ingest.internal.SourceException;
import org.clustergraph.neo4j.EmbeddedNeo4jLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
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
 */
@Component
@Order(0)
class LoadCommands implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(LoadCommands.class);

	private final GraphLoader loader;

	private final ListingCsvExporter exporter;

	private final LoadProperties properties;

	LoadCommands(GraphLoader loader, ListingCsvExporter exporter, LoadProperties properties, ApplicationArguments args,
			ObjectProvider<EmbeddedNeo4jLauncher> embedded) {
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
			catch (SourceException | LoadRefusedException ex) {
				if (reload || args.containsOption("exit")) {
					throw ex;
				}
				// The service keeps serving the graph it has; the inputs need fixing.
				logger.error("The load was refused and the previous graph is kept. {}", ex.getMessage());
			}
		}
		if (args.containsOption("export-csv")) {
			for (String file : args.getOptionValues("export-csv")) {
				int rows = this.exporter.export(Path.of(file));
				logger.info("Wrote {} listing rows to {}", rows, Path.of(file).toAbsolutePath());
			}
		}
	}

}
