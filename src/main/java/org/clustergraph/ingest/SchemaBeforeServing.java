package org.clustergraph.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Upgrades a store written before generations before the web server takes its first
 * request, in an instance that loads at startup (the others leave it to the loader): the
 * upgrade tags the old graph with generation 0, and a request read before that would find
 * no served generation and answer as from an empty graph. Other stores get their schema
 * from the load, which runs while the service already answers.
 */
@Component
class SchemaBeforeServing implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SchemaBeforeServing.class);

	private final GraphWriter writer;

	private final boolean loads;

	private volatile boolean running;

	SchemaBeforeServing(GraphWriter writer, LoadProperties properties, ApplicationArguments arguments) {
		this.writer = writer;
		this.loads = properties.onStartup() || arguments.containsOption("reload");
	}

	@Override
	public void start() {
		if (this.loads && this.writer.upgradeNeeded()) {
			long started = System.nanoTime();
			logger.info("The store was written before generations; upgrading it before serving");
			this.writer.ensureSchema();
			logger.info("Upgraded the store in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * After the embedded database (phase 0), before the web server.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return 1;
	}

}
