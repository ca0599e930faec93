package org.clustergraph.neo4j;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server on its own: its store, its password and its exposure rule.
 */
class EmbeddedNeo4jTests {

	@TempDir
	Path store;

	@Test
	void keepsDataAndTheGeneratedPasswordAcrossRestarts() throws Exception {
		EmbeddedNeo4jProperties properties = properties("127.0.0.1", "");
		Path file = this.store.resolve("bolt-password");
		String generated;
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties);
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
			assertThat(file).isRegularFile();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			generated = Files.readString(file).strip();
			assertThat(generated).hasSizeGreaterThanOrEqualTo(40);
			assertThat(neo4j.authToken()).isEqualTo(AuthTokens.basic("neo4j", generated));
			driver.executableQuery("CREATE (:Probe {value: 42})").execute();
		}
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties);
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", generated))) {
			assertThat(Files.readString(file).strip()).isEqualTo(generated);
			var records = driver.executableQuery("MATCH (p:Probe) RETURN p.value AS value").execute().records();
			assertThat(records).singleElement().satisfies((r) -> assertThat(r.get("value").asInt()).isEqualTo(42));
		}
	}

	@Test
	void generatesADifferentPasswordForEachStore(@TempDir Path other) throws Exception {
		String first = BoltPassword.resolve(properties("127.0.0.1", "")).value();
		String second = BoltPassword
			.resolve(new EmbeddedNeo4jProperties(other.resolve("neo4j"), "127.0.0.1", 0, "", "16m",
					Duration.ofSeconds(30), "40%"))
			.value();
		assertThat(first).isNotEqualTo(second);
		assertThat(BoltPassword.resolve(properties("127.0.0.1", "")).value()).isEqualTo(first);
		// A store directory the service creates is its owner's only.
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other.resolve("neo4j"))))
			.isEqualTo("rwx------");
	}

	@Test
	void makesAPasswordFileOthersCanReadOwnerOnly() throws Exception {
		Path file = this.store.resolve("bolt-password");
		Files.writeString(file, "an-operator-written-one\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(BoltPassword.resolve(properties("127.0.0.1", "")).value()).isEqualTo("an-operator-written-one");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void refusesAConnectorBeyondLoopbackWithoutTheOperatorsPassword() {
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedNeo4j.start(properties("0.0.0.0", "")))
			.withMessageContaining("not a loopback address")
			.withMessageContaining("CLUSTERGRAPH_NEO4J_PASSWORD");
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedNeo4j.start(properties("0.0.0.0", " ")))
			.withMessageContaining("CLUSTERGRAPH_NEO4J_PASSWORD");
		assertThat(this.store.resolve("bolt-password")).doesNotExist();
	}

	@Test
	void refusesAnOperatorsPasswordNeo4jWouldRefuse() {
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedNeo4j.start(properties("127.0.0.1", "short")))
			.withMessageContaining("CLUSTERGRAPH_NEO4J_PASSWORD")
			.withMessageContaining("8 characters");
	}

	@Test
	void requiresThePasswordOnLoopbackToo() {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties("127.0.0.1", ""))) {
			assertRefused(neo4j, AuthTokens.none());
			assertRefused(neo4j, AuthTokens.basic("neo4j", "neo4j"));
			assertRefused(neo4j, AuthTokens.basic("neo4j", "wrong-password"));
		}
	}

	@Test
	void requiresTheOperatorsPasswordAndFollowsItsChangesAcrossRestarts() {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties("0.0.0.0", "s3cret-enough"))) {
			assertRefused(neo4j, AuthTokens.none());
			assertRefused(neo4j, AuthTokens.basic("neo4j", "wrong-password"));
			assertAccepted(neo4j, AuthTokens.basic("neo4j", "s3cret-enough"));
		}
		// The same password again, and then a new one.
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties("0.0.0.0", "s3cret-enough"))) {
			assertAccepted(neo4j, AuthTokens.basic("neo4j", "s3cret-enough"));
		}
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties("127.0.0.1", "an0ther-s3cret"))) {
			assertRefused(neo4j, AuthTokens.basic("neo4j", "s3cret-enough"));
			assertAccepted(neo4j, AuthTokens.basic("neo4j", "an0ther-s3cret"));
		}
		assertThat(this.store.resolve("bolt-password")).doesNotExist();
	}

	@Test
	void stopsAStatementThatWouldHoldMoreThanTheTransactionMemoryAndKeepsServing() {
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(this.store, "127.0.0.1", 0, "", "16m",
				Duration.ofSeconds(30), "16m");
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties);
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
			// a list of two million integers is tracked at well over 16 MB
			assertThatThrownBy(
					() -> driver.executableQuery("UNWIND range(1, 2000000) AS i RETURN size(collect(i)) AS n")
						.execute())
				.isInstanceOf(Neo4jException.class)
				.satisfies((ex) -> assertThat(((Neo4jException) ex).code()).contains("MemoryPoolOutOfMemoryError"));
			// the same statement within the limit, and the next one, still run
			assertThat(driver.executableQuery("UNWIND range(1, 20000) AS i RETURN size(collect(i)) AS n")
				.execute()
				.records()
				.get(0)
				.get("n")
				.asInt()).isEqualTo(20000);
		}
	}

	@Test
	void refusesAnUnusableTransactionMemoryBeforeWritingAnything() {
		EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(this.store, "127.0.0.1", 0, "", "16m",
				Duration.ofSeconds(30), "95%");
		assertThatThrownBy(() -> EmbeddedNeo4j.start(properties)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("CLUSTERGRAPH_TX_MEMORY");
		// neither the initial password's hash nor a marker of a store that was never set
		// up
		assertThat(this.store.resolve("data/dbms/auth.ini")).doesNotExist();
		assertThat(this.store.resolve(EmbeddedNeo4j.LOCKED_MARKER)).doesNotExist();
	}

	@Test
	void takesTheTransactionMemoryAsAShareOfTheHeapOrASize() {
		long heap = 1L << 30;
		assertThat(EmbeddedNeo4j.transactionMemory("40%", heap)).isEqualTo((long) (heap * 0.4));
		assertThat(EmbeddedNeo4j.transactionMemory(" 12.5 % ", heap)).isEqualTo(heap / 8);
		assertThat(EmbeddedNeo4j.transactionMemory("400m", heap)).isEqualTo(400L << 20);
		for (String wrong : List.of("0%", "95%", "much", "", "-1m", "40 percent", "8m")) {
			assertThatThrownBy(() -> EmbeddedNeo4j.transactionMemory(wrong, heap))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("CLUSTERGRAPH_TX_MEMORY")
				.hasMessageContaining("'" + wrong + "'");
		}
		// a share that comes to less than Neo4j accepts is refused too
		assertThatThrownBy(() -> EmbeddedNeo4j.transactionMemory("1%", 512L << 20))
			.hasMessageContaining("at least 10m");
	}

	@Test
	void loadsNoProcedureFromAJarInThePluginsDirectory() throws Exception {
		Path plugins = Files.createDirectories(this.store.resolve("plugins"));
		try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("probe.jar")))) {
			for (Class<?> type : List.of(PluginProbe.class, PluginProbe.Output.class)) {
				String entry = type.getName().replace('.', '/') + ".class";
				jar.putNextEntry(new JarEntry(entry));
				try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
					in.transferTo(jar);
				}
				jar.closeEntry();
			}
		}
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties("127.0.0.1", ""));
				Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
			List<String> procedures = driver.executableQuery("SHOW PROCEDURES YIELD name RETURN name")
				.execute()
				.records()
				.stream()
				.map((r) -> r.get("name").asString())
				.toList();
			// The service's own still load.
			assertThat(procedures).contains("db.index.fulltext.queryNodes", "db.prepareForReplanning")
				.doesNotContain("clustergraph.probe");
			// Nor do those of Neo4j's own libraries that would send data out of the host.
			assertThat(procedures).noneMatch((name) -> name.startsWith("fleetManagement."));
			assertThatThrownBy(() -> driver.executableQuery("CALL clustergraph.probe()").execute())
				.isInstanceOf(ClientException.class)
				.hasMessageContaining("clustergraph.probe");
		}
	}

	@Test
	void stopsWhenTheRemovedSwitchWouldTurnAuthenticationOff() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Neo4jConnectionConfiguration
				.checkRemovedSettings(new MockEnvironment().withProperty("CLUSTERGRAPH_NEO4J_AUTH", "false")))
			.withMessageContaining("CLUSTERGRAPH_NEO4J_AUTH=false is no longer supported");
		assertThatIllegalStateException()
			.isThrownBy(() -> Neo4jConnectionConfiguration.checkRemovedSettings(
					new MockEnvironment().withProperty("clustergraph.embedded.auth-enabled", "false")))
			.withMessageContaining("always requires a password");
		assertThatNoException().isThrownBy(() -> Neo4jConnectionConfiguration
			.checkRemovedSettings(new MockEnvironment().withProperty("CLUSTERGRAPH_NEO4J_AUTH", "true")));
		assertThatNoException()
			.isThrownBy(() -> Neo4jConnectionConfiguration.checkRemovedSettings(new MockEnvironment()));
	}

	@Test
	void neverOpensANewStoresPortToTheDefaultPassword() throws Exception {
		assertNoDefaultLoginWhileStarting();
		// The store is marked, so the next start goes straight to an open port.
		assertThat(this.store.resolve(EmbeddedNeo4j.LOCKED_MARKER)).isRegularFile();
	}

	@Test
	void setsThePasswordWithBoltClosedOnAStoreThatRanWithoutAuthentication() throws Exception {
		// A store as an earlier version left it, with authentication off: its neo4j user
		// still has the initial password.
		DatabaseManagementService unprotected = new DatabaseManagementServiceBuilder(this.store)
			.setConfig(BoltConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.build();
		unprotected.shutdown();
		assertThat(this.store.resolve("data/databases/system")).isDirectory();
		assertNoDefaultLoginWhileStarting();
	}

	@Test
	void refusesAPasswordFileThatIsALink() throws Exception {
		Path elsewhere = Files.writeString(this.store.resolveSibling(this.store.getFileName() + "-planted"),
				"a-password-someone-else-knows\n");
		Files.createDirectories(this.store);
		Files.createSymbolicLink(BoltPassword.file(this.store), elsewhere);
		assertThatIllegalStateException().isThrownBy(() -> BoltPassword.resolve(properties("127.0.0.1", "")))
			.withMessageContaining("not a plain file");
	}

	@Test
	void doesNotLockTheServiceOutAfterFailedLogins() {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties("127.0.0.1", ""))) {
			for (int i = 0; i < 5; i++) {
				assertRefused(neo4j, AuthTokens.basic("neo4j", "wrong-password-" + i));
			}
			assertAccepted(neo4j, neo4j.authToken());
		}
	}

	/**
	 * Starts the store while a local client tries Neo4j's well-known initial login all
	 * through the start, and checks that it never got in.
	 */
	private void assertNoDefaultLoginWhileStarting() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		AtomicBoolean probing = new AtomicBoolean(true);
		AtomicInteger refused = new AtomicInteger();
		List<String> accepted = new CopyOnWriteArrayList<>();
		Thread prober = Thread.ofPlatform().start(() -> {
			try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.basic("neo4j", "neo4j"),
					Config.builder().withConnectionTimeout(200, TimeUnit.MILLISECONDS).build())) {
				while (probing.get()) {
					try {
						driver.verifyConnectivity();
						accepted.add("logged in");
					}
					catch (AuthenticationException ex) {
						refused.incrementAndGet();
					}
					catch (RuntimeException ex) {
						// Not listening yet.
					}
				}
			}
		});
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(
				new EmbeddedNeo4jProperties(this.store, "127.0.0.1", port, "", "16m", Duration.ofSeconds(30), "40%"))) {
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (refused.get() == 0 && System.nanoTime() < until) {
				Thread.sleep(20);
			}
		}
		finally {
			probing.set(false);
			prober.join();
		}
		assertThat(accepted).isEmpty();
		assertThat(refused.get()).as("the prober reached the port").isPositive();
		// the file that gave the database its initial password is gone once read
		assertThat(this.store.resolve("data/dbms/auth.ini")).doesNotExist();
	}

	private static void assertRefused(EmbeddedNeo4j neo4j, AuthToken auth) {
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), auth)) {
			assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
		}
	}

	private static void assertAccepted(EmbeddedNeo4j neo4j, AuthToken auth) {
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), auth)) {
			assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asInt())
				.isEqualTo(1);
		}
	}

	private EmbeddedNeo4jProperties properties(String address, String password) {
		return new EmbeddedNeo4jProperties(this.store, address, 0, password, "16m", Duration.ofSeconds(30), "40%");
	}

}
