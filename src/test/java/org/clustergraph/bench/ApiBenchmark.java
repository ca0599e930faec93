package org.clustergraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the GraphQL API of a running service: each {@link CanonicalQuery canonical
 * query} is sent over HTTP by concurrent clients for a while, then its hand-written
 * Cypher floor over Bolt with the same concurrency, and the requests, throughput, latency
 * percentiles and the service's resident memory are printed.
 *
 * <p>
 * A benchmark, not a test: it lives with the test sources so that every build compiles it
 * against the current driver and Jackson, but no test runner picks it up. Run it with
 * {@code bench/api.sh --help}, which says what the options are.
 */
public final class ApiBenchmark {

	private static final String USAGE = """
			Usage: bench/api.sh [--option=value ...]   (each option also as -Dbench.<option>=value)
			  --url=URL          GraphQL endpoint (http://localhost:8080/graphql)
			  --bolt=URI         Bolt address of the same graph (bolt://127.0.0.1:7687)
			  --user=NAME        Bolt user (neo4j)
			  --password=SECRET  Bolt password (default: $CLUSTERGRAPH_NEO4J_PASSWORD, else the embedded
			                     Neo4j's generated one: the password file, see --password-file)
			  --password-file=F  file holding the Bolt password (default: bolt-password in the store
			                     directory of the service's process, its CLUSTERGRAPH_DATA_DIR or data/neo4j)
			  --clients=N        concurrent clients on each side (16)
			  --settle=SECONDS   before anything is measured, the selected GraphQL queries in turn (0)
			  --warmup=SECONDS   warm-up before each measured phase (5)
			  --duration=SECONDS each measured phase (15)
			  --queries=LIST     which canonical queries, by number (1,2,3,4)
			  --check=N          cluster ids on which to compare the GraphQL and Cypher answers first (20)
			  --pid=PID          the service's process, for its RSS (default: the one listening on the URL's port)
			""";

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final Options options;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Driver driver;

	private final SessionConfig readSession = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

	private final List<String> clusterIds;

	private final ServiceProcess service;

	private ApiBenchmark(Options options) {
		this.options = options;
		this.service = findService(options);
		this.driver = GraphDatabase.driver(options.bolt(), boltAuth(options, this.service),
				Config.builder()
					.withLogging(Logging.none())
					.withMaxConnectionPoolSize(Math.max(options.clients(), 1) * 2)
					.build());
		try (Session session = this.driver.session(this.readSession)) {
			this.clusterIds = session
				.executeRead((tx) -> tx.run("MATCH (c:Cluster) RETURN 'Cluster:' + c.key AS id ORDER BY id")
					.list((row) -> row.get("id").asString()));
		}
		if (this.clusterIds.isEmpty()) {
			throw new IllegalStateException("The graph at " + options.bolt() + " has no clusters: is it loaded?");
		}
	}

	/**
	 * The Bolt credentials: the password given, else the operator's
	 * ({@code CLUSTERGRAPH_NEO4J_PASSWORD}), else the one the embedded Neo4j generated
	 * into its store directory; none when there is none of these.
	 */
	static AuthToken boltAuth(Options options, ServiceProcess service) {
		String password = options.password();
		if (password.isEmpty()) {
			password = System.getenv().getOrDefault("CLUSTERGRAPH_NEO4J_PASSWORD", "");
		}
		if (password.isEmpty()) {
			Path file = (options.passwordFile() != null) ? Path.of(options.passwordFile())
					: (service != null) ? service.embeddedPasswordFile() : null;
			if (file != null && Files.isReadable(file)) {
				try {
					password = Files.readString(file).strip();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			else if (options.passwordFile() != null) {
				throw new IllegalArgumentException("Cannot read the Bolt password file " + file);
			}
		}
		if (password.isEmpty()) {
			System.err.println("No Bolt password found (--password, CLUSTERGRAPH_NEO4J_PASSWORD, --password-file):"
					+ " connecting without authentication");
			return AuthTokens.none();
		}
		return AuthTokens.basic((options.user() != null) ? options.user() : "neo4j", password);
	}

	/**
	 * Runs the benchmark.
	 * @param args {@code --option=value} pairs; {@code --help} lists them
	 */
	public static void main(String[] args) throws Exception {
		if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			System.out.print(USAGE);
			return;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		ApiBenchmark benchmark = new ApiBenchmark(options);
		try {
			benchmark.run();
		}
		finally {
			benchmark.close();
		}
	}

	private void run() {
		Options o = this.options;
		System.out.printf(Locale.ROOT,
				"GraphQL %s against Cypher over %s: %d clients, %d s settling, %d s warm-up, %d s measured per "
						+ "side; %d cluster ids%n",
				o.url(), o.bolt(), o.clients(), o.settle().toSeconds(), o.warmup().toSeconds(),
				o.duration().toSeconds(), this.clusterIds.size());
		if (this.service != null) {
			System.out.printf(Locale.ROOT, "service pid %d, RSS now %s%n", this.service.pid(),
					megabytes(this.service.takeWindowMaxKb()));
		}
		else {
			System.out
				.println("service RSS: unknown (no --pid given, and no process of ours listens on the URL's port)");
		}
		List<CanonicalQuery> selected = CanonicalQuery.all()
			.stream()
			.filter((query) -> o.queries().contains(query.number()))
			.toList();
		if (!o.settle().isZero()) {
			settle(selected);
		}
		List<QueryResult> results = new ArrayList<>();
		for (CanonicalQuery query : CanonicalQuery.all()) {
			if (o.queries().contains(query.number())) {
				QueryResult result = measure(query);
				results.add(result);
				System.out.println();
				result.print();
			}
		}
		System.out.println();
		System.out.println("Summary");
		System.out.println(Phase.HEADER);
		for (QueryResult result : results) {
			result.printRows();
		}
		if (this.service != null) {
			System.out.printf(Locale.ROOT, "service RSS max over the whole run: %s%n",
					megabytes(this.service.overallMaxKb()));
		}
	}

	/**
	 * Sends the queries in turn for the settling time, so that the service's JIT compiler
	 * has compiled the request paths before the first warm-up: on two cores shared with
	 * the load generator that takes minutes, not seconds.
	 */
	private void settle(List<CanonicalQuery> queries) {
		System.err.printf(Locale.ROOT, "[settle] GraphQL queries %s in turn for %d s%n",
				queries.stream().map(CanonicalQuery::number).toList(), this.options.settle().toSeconds());
		List<Call> calls = queries.stream().map(this::graphqlCall).toList();
		Phase phase = runPhase(new Call() {

			@Override
			public Outcome call(long sequence) {
				return calls.get((int) (sequence % calls.size())).call(sequence / calls.size());
			}

			@Override
			public void close() {
				calls.forEach(Call::close);
			}

		}, this.options.settle());
		System.err.printf(Locale.ROOT, "[settle] %d requests, %.1f req/s, %d errors%n", phase.requests(),
				phase.requests() / (phase.elapsedNanos() / 1e9), phase.errors());
	}

	private QueryResult measure(CanonicalQuery query) {
		progress(query, "comparing the GraphQL and Cypher answers");
		Outcome probe;
		try (Call call = graphqlCall(query)) {
			probe = call.call(0);
		}
		String check = (probe.error() == null) ? compareAnswers(query) : null;
		Phase graphql = null;
		String graphqlFailure = probe.error();
		if (graphqlFailure == null) {
			progress(query, "GraphQL warm-up");
			Phase warmup = runPhase(graphqlCall(query), this.options.warmup());
			if (warmup.errors() > 0) {
				graphqlFailure = warmup.errors() + " of " + warmup.requests() + " warm-up responses had errors; first: "
						+ warmup.firstError();
			}
			else {
				progress(query, "GraphQL measured");
				graphql = runPhase(graphqlCall(query), this.options.duration());
			}
		}
		Phase cypher = null;
		String cypherFailure = null;
		progress(query, "Cypher warm-up");
		Phase warmup = runPhase(cypherCall(query), this.options.warmup());
		if (warmup.errors() > 0) {
			cypherFailure = warmup.errors() + " of " + warmup.requests() + " warm-up statements failed; first: "
					+ warmup.firstError();
		}
		else {
			progress(query, "Cypher measured");
			cypher = runPhase(cypherCall(query), this.options.duration());
		}
		return new QueryResult(query, check, graphql, graphqlFailure, cypher, cypherFailure);
	}

	/**
	 * Compares the two answers on a spread of cluster ids (once for a query without one),
	 * so that the floor is known to compute what the API computes.
	 */
	private String compareAnswers(CanonicalQuery query) {
		int samples = query.perCluster() ? Math.min(this.options.check(), this.clusterIds.size()) : 1;
		try (Call graphql = graphqlCall(query); Call cypher = cypherCall(query)) {
			return compareAnswers(query, samples, graphql, cypher);
		}
	}

	private String compareAnswers(CanonicalQuery query, int samples, Call graphql, Call cypher) {
		int differing = 0;
		String first = null;
		for (int i = 0; i < samples; i++) {
			long sequence = (long) i * this.clusterIds.size() / samples;
			Outcome fromGraphql = graphql.call(sequence);
			Outcome fromCypher = cypher.call(sequence);
			if (fromGraphql.error() != null || fromCypher.error() != null) {
				return "not compared: " + ((fromGraphql.error() != null) ? "GraphQL: " + fromGraphql.error()
						: "Cypher: " + fromCypher.error());
			}
			if (!fromGraphql.answer().equals(fromCypher.answer())) {
				differing++;
				if (first == null) {
					first = (query.perCluster() ? "for " + id(sequence) + "\n" : "") + "      GraphQL: "
							+ fromGraphql.answer() + "\n      Cypher:  " + fromCypher.answer();
				}
			}
		}
		if (differing == 0) {
			return "answers agree" + (query.perCluster() ? " on " + samples + " cluster ids" : "");
		}
		return "ANSWERS DIFFER" + (query.perCluster() ? " on " + differing + " of " + samples + " cluster ids" : "")
				+ "; first " + first;
	}

	/**
	 * Posts the query over one kept-alive connection per client thread
	 * ({@link KeepAliveHttp}), parses the JSON response and reduces it to the answer, as
	 * a client would.
	 */
	private Call graphqlCall(CanonicalQuery query) {
		URI uri = URI.create(this.options.url());
		ThreadLocal<KeepAliveHttp> connection = new ThreadLocal<>();
		ConcurrentLinkedQueue<KeepAliveHttp> opened = new ConcurrentLinkedQueue<>();
		return new Call() {

			@Override
			public Outcome call(long sequence) {
				KeepAliveHttp http = connection.get();
				if (http == null) {
					http = new KeepAliveHttp(uri, REQUEST_TIMEOUT);
					connection.set(http);
					opened.add(http);
				}
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("query", query.graphql());
				if (query.perCluster()) {
					body.put("variables", Map.of("id", id(sequence)));
				}
				try {
					KeepAliveHttp.Response response = http.post(ApiBenchmark.this.json.writeValueAsBytes(body));
					JsonNode root;
					try {
						root = ApiBenchmark.this.json.readTree(response.body());
					}
					catch (RuntimeException ex) {
						return Outcome.failed("HTTP " + response.status() + " with a body that is not JSON");
					}
					JsonNode errors = root.path("errors");
					if (!errors.isEmpty()) {
						return Outcome.failed(errors.size() + " error(s), first: " + errors.path(0));
					}
					if (response.status() != 200) {
						return Outcome.failed("HTTP " + response.status());
					}
					return Outcome.answered(query.fromGraphql().apply(root.path("data")));
				}
				catch (Exception ex) {
					return Outcome.failed(ex.toString());
				}
			}

			@Override
			public void close() {
				opened.forEach(KeepAliveHttp::close);
			}

		};
	}

	private Call cypherCall(CanonicalQuery query) {
		return (sequence) -> {
			Map<String, Object> parameters = query.perCluster()
					? Map.of("key", id(sequence).substring("Cluster:".length())) : Map.of();
			try (Session session = this.driver.session(this.readSession)) {
				List<Record> records = session.executeRead((tx) -> tx.run(query.cypher(), parameters).list());
				return Outcome.answered(query.fromCypher().apply(records));
			}
			catch (Exception ex) {
				return Outcome.failed(ex.toString());
			}
		};
	}

	private String id(long sequence) {
		return this.clusterIds.get((int) (sequence % this.clusterIds.size()));
	}

	/**
	 * Runs the call from {@code clients} threads for the duration, each sending its next
	 * request as soon as the last one is answered; every phase starts at the first
	 * cluster id, so both sides of a query see the same ids in the same order.
	 */
	private Phase runPhase(Call call, Duration duration) {
		int clients = this.options.clients();
		AtomicLong sequence = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		long[][] latencies = new long[clients][];
		int[] counts = new int[clients];
		if (this.service != null) {
			this.service.takeWindowMaxKb();
		}
		long cpuBefore = (this.service != null) ? this.service.cpuMillis() : -1;
		long generatorCpuBefore = generatorCpuNanos();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
				long[] mine = new long[1024];
				int n = 0;
				while (System.nanoTime() < deadline) {
					long sent = System.nanoTime();
					Outcome outcome = call.call(sequence.getAndIncrement());
					long took = System.nanoTime() - sent;
					if (n == mine.length) {
						mine = Arrays.copyOf(mine, n * 2);
					}
					mine[n++] = took;
					if (outcome.error() != null) {
						errors.incrementAndGet();
						firstError.compareAndSet(null, outcome.error());
					}
				}
				latencies[client] = mine;
				counts[client] = n;
			}));
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while measuring", ex);
			}
		}
		long elapsed = System.nanoTime() - start;
		long cpuAfter = (this.service != null) ? this.service.cpuMillis() : -1;
		long generatorCpu = generatorCpuNanos() - generatorCpuBefore;
		call.close();
		long rssMaxKb = (this.service != null) ? this.service.takeWindowMaxKb() : -1;
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(latencies[c], 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		long cpu = (cpuBefore >= 0 && cpuAfter >= 0) ? cpuAfter - cpuBefore : -1;
		return new Phase(total, errors.get(), firstError.get(), elapsed, percentile(all, 50), percentile(all, 99), cpu,
				generatorCpu / 1_000_000, rssMaxKb);
	}

	/**
	 * This process's CPU time: the load generator's, the client threads' and the rest.
	 */
	private static long generatorCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** The nearest-rank percentile of sorted values; 0 for none. */
	private static long percentile(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	private void progress(CanonicalQuery query, String step) {
		System.err.printf(Locale.ROOT, "[query %d] %s%n", query.number(), step);
	}

	private static ServiceProcess findService(Options options) {
		Long pid = options.pid();
		if (pid == null) {
			URI url = URI.create(options.url());
			int port = (url.getPort() != -1) ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
			List<Long> listening = ServiceProcess.listeningOn(port);
			if (listening.size() != 1) {
				if (listening.size() > 1) {
					System.err.println("Several processes listen on port " + port + " " + listening + "; give --pid");
				}
				return null;
			}
			pid = listening.get(0);
		}
		return ServiceProcess.watch(pid, 100);
	}

	private void close() {
		if (this.service != null) {
			this.service.close();
		}
		this.driver.close();
	}

	static String megabytes(long kb) {
		return (kb < 0) ? "unknown" : (kb / 1024) + " MB";
	}

	/** One request: the answer a client keeps, or why there is none. */
	private record Outcome(String answer, String error) {

		static Outcome answered(String answer) {
			return new Outcome(answer, null);
		}

		static Outcome failed(String error) {
			return new Outcome(null, error);
		}

	}

	/**
	 * Sends one request; the sequence number picks the cluster id. Closed when its phase
	 * ends, after every client thread has finished.
	 */
	@FunctionalInterface
	private interface Call extends AutoCloseable {

		Outcome call(long sequence);

		@Override
		default void close() {
		}

	}

	/**
	 * What one side of one query did in one phase.
	 *
	 * @param requests requests answered (errors included)
	 * @param errors requests that failed or whose response had GraphQL errors
	 * @param firstError the first such error
	 * @param elapsedNanos from the first request to the last answer
	 * @param p50Nanos the median latency
	 * @param p99Nanos the 99th percentile latency
	 * @param serviceCpuMillis the service process's CPU time in the phase, or -1
	 * @param generatorCpuMillis the load generator's (this process's) CPU time in the
	 * phase
	 * @param rssMaxKb the service's highest RSS sampled in the phase, or -1
	 */
	private record Phase(int requests, long errors, String firstError, long elapsedNanos, long p50Nanos, long p99Nanos,
			long serviceCpuMillis, long generatorCpuMillis, long rssMaxKb) {

		static final String HEADER = String.format(Locale.ROOT, "%-30s %-8s %9s %9s %9s %9s %7s %11s %9s %9s", "query",
				"side", "requests", "req/s", "p50 ms", "p99 ms", "errors", "cpu ms/req", "load gen", "RSS max");

		String row(String query, String side) {
			return String.format(Locale.ROOT, "%-30s %-8s %9d %9.1f %9.2f %9.2f %7d %11s %9s %9s", query, side,
					this.requests, this.requests / (this.elapsedNanos / 1e9), this.p50Nanos / 1e6, this.p99Nanos / 1e6,
					this.errors, perRequest(this.serviceCpuMillis), perRequest(this.generatorCpuMillis),
					(this.rssMaxKb < 0) ? "-" : megabytes(this.rssMaxKb));
		}

		private String perRequest(long millis) {
			return (millis < 0 || this.requests == 0) ? "-"
					: String.format(Locale.ROOT, "%.2f", (double) millis / this.requests);
		}

	}

	/** Both sides of one query. */
	private record QueryResult(CanonicalQuery query, String check, Phase graphql, String graphqlFailure, Phase cypher,
			String cypherFailure) {

		void print() {
			System.out.printf(Locale.ROOT, "Query %d, %s%n", this.query.number(), this.query.name());
			if (this.check != null) {
				System.out.println("  " + this.check);
			}
			System.out.println(Phase.HEADER);
			printRows();
			if (this.graphql != null && this.graphql.errors() > 0) {
				System.out.println("  GraphQL errors while measuring; first: " + this.graphql.firstError());
			}
			if (this.cypher != null && this.cypher.errors() > 0) {
				System.out.println("  Cypher errors while measuring; first: " + this.cypher.firstError());
			}
		}

		void printRows() {
			String label = this.query.number() + " " + this.query.name();
			System.out.println((this.graphql != null) ? this.graphql.row(label, "graphql")
					: String.format(Locale.ROOT, "%-30s %-8s FAILED: %s", label, "graphql", this.graphqlFailure));
			System.out.println((this.cypher != null) ? this.cypher.row("", "cypher")
					: String.format(Locale.ROOT, "%-30s %-8s FAILED: %s", "", "cypher", this.cypherFailure));
			if (this.graphql != null && this.cypher != null && this.cypher.p50Nanos() > 0) {
				System.out.printf(Locale.ROOT, "%-30s p50 GraphQL / Cypher: %.2f%n", "",
						(double) this.graphql.p50Nanos() / this.cypher.p50Nanos());
			}
		}

	}

	/**
	 * The command line, each option also readable as a {@code bench.<name>} system
	 * property.
	 *
	 * @param url the GraphQL endpoint
	 * @param bolt the Bolt URI
	 * @param user the Bolt user, or null for {@code neo4j}
	 * @param password the Bolt password, or empty to look for one
	 * @param passwordFile a file holding the Bolt password, or null
	 * @param clients concurrent clients per side
	 * @param settle the time the GraphQL queries run in turn before anything is measured
	 * @param warmup the warm-up before each measured phase
	 * @param duration each measured phase
	 * @param queries the numbers of the queries to run
	 * @param check how many cluster ids to compare answers on
	 * @param pid the service's process id, or null to find it
	 */
	record Options(String url, String bolt, String user, String password, String passwordFile, int clients,
			Duration settle, Duration warmup, Duration duration, Set<Integer> queries, int check, Long pid) {

		private static final Set<String> NAMES = Set.of("url", "bolt", "user", "password", "password-file", "clients",
				"settle", "warmup", "duration", "queries", "check", "pid");

		static Options parse(String[] args) {
			Map<String, String> given = new LinkedHashMap<>();
			for (String name : NAMES) {
				String property = System.getProperty("bench." + name);
				if (property != null && !property.isBlank()) {
					given.put(name, property);
				}
			}
			for (String arg : args) {
				int equals = arg.indexOf('=');
				if (!arg.startsWith("--") || equals < 0 || !NAMES.contains(arg.substring(2, equals))) {
					throw new IllegalArgumentException("Unknown argument: " + arg);
				}
				given.put(arg.substring(2, equals), arg.substring(equals + 1));
			}
			Set<Integer> queries = new TreeSet<>();
			for (String number : given.getOrDefault("queries", "1,2,3,4").split(",")) {
				queries.add(Integer.parseInt(number.trim()));
			}
			int clients = positive(given, "clients", "16");
			return new Options(given.getOrDefault("url", "http://localhost:8080/graphql"),
					given.getOrDefault("bolt", "bolt://127.0.0.1:7687"), given.get("user"),
					given.getOrDefault("password", ""), given.get("password-file"), clients,
					Duration.ofSeconds(Long.parseLong(given.getOrDefault("settle", "0"))),
					Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", "5"))),
					Duration.ofSeconds(positive(given, "duration", "15")), queries,
					Integer.parseInt(given.getOrDefault("check", "20")),
					given.containsKey("pid") ? Long.valueOf(given.get("pid")) : null);
		}

		private static int positive(Map<String, String> given, String name, String fallback) {
			int value = Integer.parseInt(given.getOrDefault(name, fallback));
			if (value < 1) {
				throw new IllegalArgumentException("--" + name + " must be at least 1");
			}
			return value;
		}

	}

}
