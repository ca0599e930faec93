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
 * Has the database plan every statement of the API after the startup load
 * ({@code EXPLAIN} reads nothing): in a fresh JVM planning the larger analysis statements
 * takes seconds, which the first users would otherwise wait for. It plans on a thread of
 * its own, beside {@link RequestWarmup}, which runs the statements the common requests
 * use (and so plans those first); both begin before the service reports itself ready, and
 * on a service whose request warm-up is off the planning is still under way for a few
 * seconds after. With {@code --exit} it plans nothing (a command serves no requests);
 * with {@code --train} it plans before returning, so that the AOT cache's training
 * records the planning of every statement.
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
		else if (!args.containsOption("exit")) {
			Thread.ofPlatform().name("statement-warmup").daemon().start(this::warm);
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
