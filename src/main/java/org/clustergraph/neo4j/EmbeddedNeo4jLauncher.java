package org.clustergraph.neo4j;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.neo4j.driver.AuthToken;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the embedded Neo4j on its own thread while the rest of the application context
 * is built, and holds back the web server until the database answers: starting the store
 * takes seconds of class loading and recovery that need not wait for Spring's own
 * start-up.
 */
public final class EmbeddedNeo4jLauncher implements SmartLifecycle, AutoCloseable {

	private final EmbeddedNeo4jProperties properties;

	private final BoltPassword password;

	private final CompletableFuture<EmbeddedNeo4j> server = new CompletableFuture<>();

	private final boolean newStore;

	private volatile boolean running;

	/**
	 * Checks the settings, reads or generates the password and begins starting the server
	 * in the background.
	 * @param properties the embedded settings
	 * @throws IllegalStateException when Bolt would be exposed beyond loopback without a
	 * password set by the operator, or the password is unusable
	 */
	public EmbeddedNeo4jLauncher(EmbeddedNeo4jProperties properties) {
		EmbeddedNeo4j.checkExposure(properties);
		this.properties = properties;
		this.password = BoltPassword.resolve(properties);
		this.newStore = EmbeddedNeo4j.isNewStore(properties);
		Thread.ofPlatform().name("embedded-neo4j-start").daemon().start(() -> {
			try {
				this.server.complete(EmbeddedNeo4j.start(properties, this.password));
			}
			catch (Throwable ex) {
				this.server.completeExceptionally(ex);
			}
		});
	}

	/**
	 * Whether this start creates the store: it then holds no graph, and the startup load
	 * will write one.
	 * @return true when the directory held no store when the launcher began
	 */
	public boolean createsNewStore() {
		return this.newStore;
	}

	/**
	 * Waits until the server runs.
	 * @return the running server
	 */
	public EmbeddedNeo4j await() {
		try {
			return this.server.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("The embedded Neo4j did not start", ex.getCause());
		}
	}

	/**
	 * The Bolt URI of the server: known at once for a fixed port, after start-up when the
	 * port is chosen by the system.
	 * @return a {@code bolt://} URI
	 */
	public String boltUri() {
		if (this.properties.boltPort() == 0) {
			return await().boltUri();
		}
		return EmbeddedNeo4j.boltUri(EmbeddedNeo4j.connectHost(this.properties.boltAddress()),
				this.properties.boltPort());
	}

	/**
	 * The credentials Bolt clients log in with, known before the server runs.
	 * @return user {@code neo4j} and its password
	 */
	public AuthToken authToken() {
		return EmbeddedNeo4j.authToken(this.password);
	}

	@Override
	public void start() {
		await();
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
	 * Starts before the web server, so that no request arrives before the database runs.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void close() {
		EmbeddedNeo4j started;
		try {
			started = this.server.join();
		}
		catch (CompletionException ex) {
			return;
		}
		started.close();
	}

}
