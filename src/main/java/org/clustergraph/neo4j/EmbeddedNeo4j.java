package org.clustergraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import inet.ipaddr.IPAddressString;
import org.jspecify.annotations.Nullable;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.fleetmanagement.FleetManagementSettings;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.string.UTF8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j server with a persistent store and a Bolt connector, so that the
 * application and Neo4j's own tools reach it over Bolt exactly as they would a standalone
 * server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	/**
	 * The only procedures an extension may add: those the service calls
	 * ({@code cypher/}). Neo4j's built-in procedures, these among them, are not subject
	 * to the allowlist and stay available to authenticated clients (Neo4j Browser and
	 * {@code cypher-shell} call several); a jar dropped into the store's {@code plugins/}
	 * directory loads nothing.
	 */
	static final List<String> PROCEDURES = List.of("db.index.fulltext.queryNodes", "db.prepareForReplanning");

	/**
	 * Written into the store once its {@code neo4j} user's password has been set with
	 * Bolt closed. Without it (a new store, one from a version that ran without
	 * authentication, or a first start that was interrupted) the password is set with
	 * Bolt closed before the port opens.
	 */
	static final Path LOCKED_MARKER = Path.of("password-set-with-bolt-closed");

	/** The least limit Neo4j accepts for all transactions' memory. */
	static final long MIN_TRANSACTION_MEMORY = 10L << 20;

	private final DatabaseManagementService service;

	private final int boltPort;

	private final String boltHost;

	private final BoltPassword password;

	private volatile @Nullable GraphDatabaseAPI database;

	private final String runId = UUID.randomUUID().toString();

	private EmbeddedNeo4j(DatabaseManagementService service, String boltHost, int boltPort, BoltPassword password) {
		this.service = service;
		this.boltHost = boltHost;
		this.boltPort = boltPort;
		this.password = password;
	}

	/**
	 * Starts the server with the password of {@link BoltPassword#resolve}.
	 * @param properties the embedded settings
	 * @return the running server
	 * @throws IllegalStateException when Bolt would be exposed beyond loopback without a
	 * password set by the operator
	 */
	public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
		// Before the password is read or generated: a refused exposure writes no file.
		checkExposure(properties);
		return start(properties, BoltPassword.resolve(properties));
	}

	/**
	 * Starts the server locked down: Bolt clients authenticate as {@code neo4j} with the
	 * given password, {@code LOAD CSV} reads neither files nor URLs, and no extension
	 * procedure is loaded.
	 * @param properties the embedded settings
	 * @param password the password of the {@code neo4j} user
	 * @return the running server
	 */
	static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties, BoltPassword password) {
		checkExposure(properties);
		long started = System.nanoTime();
		Path home = properties.directory().toAbsolutePath();
		boolean newStore = isNewStore(properties);
		if (newStore) {
			initialize(home, properties, password);
		}
		DatabaseManagementService service = builder(home, properties, true).build();
		try {
			// The operator may have changed the password since the last start. Logging
			// in checks it without Cypher; ALTER USER at every start was the process's
			// first Cypher statement, about three seconds of a restart on two cores.
			if (!newStore && !logsIn(service, password.value())) {
				setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password.value());
			}
			GraphDatabaseAPI api = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			int port = api.getDependencyResolver()
				.resolveDependency(ConnectorPortRegister.class)
				.getLocalAddress(ConnectorType.BOLT)
				.getPort();
			logger.info("Embedded Neo4j started in {} ms with store {} and Bolt on {}:{} (user neo4j, {} password)",
					Duration.ofNanos(System.nanoTime() - started).toMillis(), home, properties.boltAddress(), port,
					password.generated() ? "the generated" : "the operator's");
			return new EmbeddedNeo4j(service, connectHost(properties.boltAddress()), port, password);
		}
		catch (RuntimeException ex) {
			service.shutdown();
			throw ex;
		}
	}

	/**
	 * Whether the directory holds no store yet: the marker that the first start writes
	 * once it has replaced the initial password is missing.
	 * @param properties the embedded settings
	 * @return true for a store that the next start creates
	 */
	static boolean isNewStore(EmbeddedNeo4jProperties properties) {
		return !Files.exists(properties.directory().toAbsolutePath().resolve(LOCKED_MARKER));
	}

	/**
	 * Creates the store with Bolt closed, so that no client can connect before the
	 * password is set: a new store's {@code neo4j} user would otherwise start with
	 * Neo4j's well-known default password. The password is given as the initial one, in
	 * the file that {@code neo4j-admin dbms set-initial-password} writes and the database
	 * reads when it creates its users; where that did not take (a store half-created by
	 * an earlier start), {@code ALTER USER} sets it.
	 */
	private static void initialize(Path home, EmbeddedNeo4jProperties properties, BoltPassword password) {
		long started = System.nanoTime();
		// the settings are checked before the file is written
		DatabaseManagementServiceBuilder builder = builder(home, properties, false);
		Path initialUsers = writeInitialPassword(home, password.value());
		try {
			DatabaseManagementService service = builder.build();
			try {
				if (!logsIn(service, password.value())) {
					setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password.value());
				}
			}
			finally {
				service.shutdown();
			}
		}
		finally {
			// read once, when the database created its users, and not left behind when
			// the start failed: it holds the password's hash
			try {
				Files.deleteIfExists(initialUsers);
			}
			catch (IOException ex) {
				logger.warn("Could not delete {}: {}", initialUsers, ex.getMessage());
			}
		}
		try {
			Files.writeString(home.resolve(LOCKED_MARKER),
					"The neo4j user's initial password was replaced with Bolt closed; see README, \"Security\".\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + home.resolve(LOCKED_MARKER), ex);
		}
		logger.info("Set the password of the embedded Neo4j store {} with Bolt closed in {} ms", home,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private static DatabaseManagementServiceBuilder builder(Path home, EmbeddedNeo4jProperties properties,
			boolean bolt) {
		return new DatabaseManagementServiceBuilder(home)
			.setConfig(Map.of(BoltConnector.enabled, bolt, BoltConnector.listen_address,
					new SocketAddress(properties.boltAddress(), properties.boltPort()), HttpConnector.enabled, false,
					HttpsConnector.enabled, false))
			.setConfig(lockdown())
			.setConfig(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(properties.pageCache()))
			.setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
			.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
					transactionMemory(properties.transactionMemory(), Runtime.getRuntime().maxMemory()))
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			// Bolt's Netty loops otherwise wait out a quiet period of seconds each when
			// stopping.
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
			.setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
			.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500));
	}

	/**
	 * The settings that keep the database from reading the host's files, fetching URLs or
	 * loading extension procedures, whoever asks and whatever credentials they hold.
	 */
	static Map<Setting<?>, Object> lockdown() {
		// LOAD CSV FROM an http, https or ftp URL resolves the host and checks its
		// address against the blocklist before connecting: every address is on it.
		List<IPAddressString> everyAddress = List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0"));
		return Map.of(GraphDatabaseSettings.auth_enabled, true,
				// The service logs in as the same user as any other client: locking the
				// user out after failed logins would let anyone on the host stop the
				// service's new connections by failing three logins every five seconds.
				GraphDatabaseSettings.auth_max_failed_attempts, 0,
				// Neo4j's fleet manager, whose procedures register the server with a
				// hosted
				// service and send it data, stays off.
				FleetManagementSettings.fleet_manager_enabled, false,
				// LOAD CSV FROM 'file:///...' fails, whatever the import directory.
				GraphDatabaseSettings.allow_file_urls, false, GraphDatabaseInternalSettings.cypher_ip_blocklist,
				everyAddress, GraphDatabaseSettings.procedure_allowlist, PROCEDURES,
				GraphDatabaseSettings.procedure_unrestricted, List.of());
	}

	static void checkExposure(EmbeddedNeo4jProperties properties) {
		if (isLoopback(properties.boltAddress())) {
			return;
		}
		if (properties.password().isBlank()) {
			throw new IllegalStateException("The embedded Neo4j Bolt connector is bound to '" + properties.boltAddress()
					+ "', which is not a loopback address: set CLUSTERGRAPH_NEO4J_PASSWORD to a password of your"
					+ " own (a generated one is for loopback only), or bind it to 127.0.0.1");
		}
	}

	private static boolean isLoopback(String address) {
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Cannot resolve the embedded Bolt address '" + address + "'", ex);
		}
	}

	static String connectHost(String bindAddress) {
		return ("0.0.0.0".equals(bindAddress) || "::".equals(bindAddress)) ? "127.0.0.1" : bindAddress;
	}

	/**
	 * Writes the {@code neo4j} user with the password, its change not required, where a
	 * database that creates its users reads the initial one ({@code data/dbms/auth.ini}).
	 * @return the file
	 */
	private static Path writeInitialPassword(Path home, String password) {
		Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
		Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
		FileUserRepository users = new FileUserRepository(new DefaultFileSystemAbstraction(), file,
				NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
		try {
			Files.deleteIfExists(file);
			users.start();
			users.create(new User(AuthManager.INITIAL_USER_NAME, null,
					SystemGraphCredential.createCredentialForPassword(UTF8.encode(password), new SecureHasher()), false,
					false));
			users.shutdown();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot write the initial password to " + file, ex);
		}
		return file;
	}

	/**
	 * The bytes all open transactions may hold at once.
	 * @param value a share of the heap from 1% to 90%, or a size in Neo4j's notation
	 * @param heap the heap's size in bytes
	 * @return the limit in bytes
	 * @throws IllegalArgumentException for any other value, naming the setting
	 */
	static long transactionMemory(String value, long heap) {
		String text = value.strip();
		long bytes = -1;
		try {
			if (text.endsWith("%")) {
				double share = Double.parseDouble(text.substring(0, text.length() - 1).strip());
				if (share >= 1 && share <= 90) {
					bytes = (long) (heap * share / 100);
				}
			}
			else {
				bytes = SettingValueParsers.BYTES.parse(text);
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (bytes >= MIN_TRANSACTION_MEMORY) {
			return bytes;
		}
		throw new IllegalArgumentException("clustergraph.embedded.transaction-memory (CLUSTERGRAPH_TX_MEMORY) takes a"
				+ " share of the heap from 1% to 90% or a size such as 400m, at least 10m (Neo4j's least), not '"
				+ value + "'" + ((bytes > 0) ? ", which is " + bytes + " bytes of a heap of " + heap : ""));
	}

	/**
	 * Whether {@code neo4j} logs in with the password as it is: then it needs no change.
	 * A failed check is one failed login in the database's security log.
	 */
	static boolean logsIn(DatabaseManagementService service, String password) {
		GraphDatabaseAPI system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		AuthManager auth = system.getDependencyResolver().resolveDependency(AuthManager.class);
		try {
			return auth
				.login(org.neo4j.kernel.api.security.AuthToken.newBasicAuthToken("neo4j", password),
						ClientConnectionInfo.EMBEDDED_CONNECTION)
				.subject()
				.getAuthenticationResult() == AuthenticationResult.SUCCESS;
		}
		catch (InvalidAuthTokenException ex) {
			return false;
		}
	}

	private static void setPassword(GraphDatabaseService system, String password) {
		try {
			system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
					Map.of("password", password));
		}
		catch (RuntimeException ex) {
			// Neo4j refuses to "change" a password to the one already set; a login with
			// it fails while its change is still required.
			if (!String.valueOf(ex.getMessage()).contains("same")) {
				throw ex;
			}
		}
	}

	/**
	 * The names of the graph database's indexes, constraints' indexes included, read from
	 * its schema in this process: no Bolt session and no Cypher, which a restart would
	 * otherwise start up for this alone before its web server.
	 * @return the names
	 */
	public Set<String> indexNames() {
		try (Transaction transaction = database().beginTx()) {
			Set<String> names = new HashSet<>();
			transaction.schema().getIndexes().forEach((index) -> names.add(index.getName()));
			return names;
		}
	}

	/**
	 * The graph's database, for reads in this process ({@link InProcessReads}).
	 * @return the default database
	 */
	GraphDatabaseAPI database() {
		GraphDatabaseAPI database = this.database;
		if (database == null) {
			database = (GraphDatabaseAPI) this.service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			this.database = database;
		}
		return database;
	}

	/**
	 * Names this start of the database. Only one process runs a store at a time (Neo4j
	 * locks it), and a restart ends every transaction and connection of the run before.
	 * So whatever a process recorded in the store as its run's, under another id, was
	 * recorded by a process that runs it no longer: a load claim's, for one.
	 * @return an id no other start has
	 */
	public String runId() {
		return this.runId;
	}

	/**
	 * The credentials Bolt clients log in with.
	 * @return user {@code neo4j} and its password
	 */
	public AuthToken authToken() {
		return authToken(this.password);
	}

	static AuthToken authToken(BoltPassword password) {
		return AuthTokens.basic("neo4j", password.value());
	}

	/**
	 * The Bolt URI at which this server answers.
	 * @return a {@code bolt://} URI
	 */
	public String boltUri() {
		return boltUri(this.boltHost, this.boltPort);
	}

	static String boltUri(String host, int port) {
		return "bolt://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
	}

	@Override
	public void close() {
		long started = System.nanoTime();
		this.service.shutdown();
		logger.info("Embedded Neo4j stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

}
