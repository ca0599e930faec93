package org.clustergraph.api;

import java.util.List;

import org.clustergraph.neo4j.CypherFiles;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the training run of the AOT cache ({@code --train}, {@code bin/aot-cache.sh}), has
 * the database plan every statement of the API ({@code EXPLAIN} reads nothing), so that
 * the cache records the classes and profiles of planning each of them, the statements the
 * warm-up requests do not run included.
 * <p>
 * A service does not do this at start: it planned on a thread beside
 * {@link RequestWarmup} and delayed readiness by two to three seconds on two cores, while
 * the users' first requests to the statements it planned were no faster, since a plan is
 * cached for the types of its parameters and {@code EXPLAIN} gives none (BENCHMARKS.md,
 * "Ready sooner").
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class StatementWarmup implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(StatementWarmup.class);

	private final Driver driver;

	private final SessionConfig sessionConfig;

	StatementWarmup(Driver driver, SessionConfig sessionConfig) {
		this.driver = driver;
		this.sessionConfig = sessionConfig;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption("train")) {
			warm();
		}
	}

	private void warm() {
		long started = System.nanoTime();
		SessionConfig.Builder read = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
		this.sessionConfig.database().ifPresent(read::withDatabase);
		int planned = 0;
		try (Session session = this.driver.session(read.build())) {
			for (String folder : List.of("api", "analysis", "graph")) {
				for (String statement : CypherFiles.folder(folder)) {
					session.run("EXPLAIN " + CypherFiles.get(statement)).consume();
					planned++;
				}
			}
			logger.info("Planned the API's {} statements in {} ms", planned, (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			// Only a head start: a statement that fails here fails for its first user
			// too, with an error.
			logger.warn("Could not plan the API's statements ahead: {}", ex.getMessage());
		}
	}

}
