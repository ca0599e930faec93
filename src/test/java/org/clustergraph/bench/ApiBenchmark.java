package org.clustergraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Measures the GraphQL API of a running service: each {@link CanonicalQuery canonical
 * query} is sent over HTTP by concurrent clients for a while, then its hand-written
 * Cypher floor over Bolt with the same concurrency, and the requests, throughput, latency
 * percentiles and the service's CPU time and resident memory are printed. With
 * {@code --peer}, the same queries are also sent to a peer GraphQL server over the same
 * graph (the Neo4j GraphQL Library in {@code bench/peer/}), with the same clients and
 * durations, between the two.
 *
 * <p>
 * A benchmark, not a test: it lives with the test sources so that every build compiles it
 * against the current driver and Jackson, but no test runner picks it up. Run it with
 * {@code bench/api.sh --help} or {@code bench/peer.sh}, which say what the options are.
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
			  --peer=URL         a peer GraphQL endpoint over the same graph (bench/peer/), measured beside
			                     the service and the floor on the queries it has (none)
			  --clients=N        concurrent clients on each side (16)
			  --settle=SECONDS   before anything is measured, the selected GraphQL queries in turn, on the
			                     service and then on the peer (0)
			  --warmup=SECONDS   warm-up before each measured phase (5)
			  --duration=SECONDS each measured phase (15)
			  --rounds=N         how many times every query is measured on every side, in turn (1)
			  --queries=LIST     which canonical queries, by number (all; with --peer, those the peer has)
			  --check=N|all      how many arguments (cluster ids, region codes) to compare the answers on
			                     first, spread over all of them (20)
			  --pid=PID          the service's process, for its CPU and RSS (default: the one listening on
			                     the URL's port)
			  --peer-pid=PID     the peer's process (default: the one listening on the peer URL's port)
			  --sides=LIST       which sides to measure, of ours, floor and peer (all that are given);
			                     ours alone measures the service without the floor beside it
			  --deep=N           where the deep page of clusters (query 10) starts: after the Nth cluster by
			                     key (19980: page 1,000 of 20); with fewer clusters, as deep as 16 pages
			                     before the end allow. Each request takes the next of 16 pages in turn
			  --peers=N          how many clusters query 2 asks of each industry (100): the answer's size,
			                     which grows with the graph up to N; a small N compares sizes at one answer size
			  --results=FILE     also write every measured phase to FILE, tab-separated (none)
			  --read=check|answer what a client does with each response while settling, warming up and
			                     measuring: read it whole and check its status, that it is one JSON object
			                     (strings and brackets scanned byte by byte) and that it holds no errors,
			                     decoding it only when a top-level string reads "errors" (check); or also
			                     parse it into a tree and reduce it to the answer the comparison uses, as
			                     every request did before 2026-12-06 (answer). The comparison always reduces
			""";

	/** How many deep pages of {@code clusters} query 10 asks for in turn. */
	private static final int DEEP_PAGES = 16;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final Options options;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Driver driver;

	private final SessionConfig readSession = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

	private final List<String> clusterIds;

	private final List<String> regionCodes;

	private final List<String> searchTexts;

	private final List<String> programKeys;

	/** The keys of the clusters the deep pages start after (query 10). */
	private final List<String> pageStarts;

	/** After how many clusters the first deep page starts. */
	private final int deepStart;

	private final ServiceProcess service;

	private final ServiceProcess peer;

	private ApiBenchmark(Options options) {
		this.options = options;
		this.service = findProcess(options.url(), options.pid());
		this.peer = (options.peer() != null) ? findProcess(options.peer(), options.peerPid()) : null;
		this.driver = GraphDatabase.driver(options.bolt(), boltAuth(options, this.service),
				Config.builder()
					.withLogging(Logging.none())
					.withMaxConnectionPoolSize(Math.max(options.clients(), 1) * 2)
					.build());
		try (Session session = this.driver.session(this.readSession)) {
			this.clusterIds = session
				.executeRead((tx) -> tx.run("MATCH (c:Cluster) RETURN 'Cluster:' + c.key AS id ORDER BY id")
					.list((row) -> row.get("id").asString()));
			// The provinces and prefectures that hold clusters: the list page's
			// arguments.
			this.regionCodes = session.executeRead((tx) -> tx.run("""
					MATCH (c:Cluster) UNWIND c.inRegions AS code
					WITH DISTINCT code
					MATCH (r:Region {code: code}) WHERE r.level IN ['PROVINCE', 'PREFECTURE']
					RETURN code ORDER BY code""").list((row) -> row.get("code").asString()));
			// What users search for: the industry phrases the clusters were listed with.
			this.searchTexts = session
				.executeRead((tx) -> tx.run(CanonicalQuery.SEARCH_TEXTS).list((row) -> row.get("text").asString()));
			this.programKeys = session.executeRead((tx) -> tx.run("MATCH (p:Program) RETURN p.key AS key ORDER BY key")
				.list((row) -> row.get("key").asString()));
		}
		if (this.clusterIds.isEmpty()) {
			throw new IllegalStateException("The graph at " + options.bolt() + " has no clusters: is it loaded?");
		}
		int page = CanonicalQuery.ROOT_PAGE;
		int deepest = (this.clusterIds.size() - page * (DEEP_PAGES + 1)) / page * page;
		this.deepStart = Math.max(page, Math.min(options.deep() / page * page, deepest));
		List<String> starts = new ArrayList<>();
		for (int i = 0; i < DEEP_PAGES; i++) {
			int after = this.deepStart - 1 + i * page;
			if (after < this.clusterIds.size()) {
				starts.add(this.clusterIds.get(after).substring(CanonicalQuery.CLUSTER_PREFIX.length()));
			}
		}
		this.pageStarts = starts;
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
		// Ends the process itself: a thread a library left running (the driver's event
		// loop, when the harness failed before closing it) once kept the JVM alive after
		// the last table was printed.
		int status = 0;
		try {
			ApiBenchmark benchmark = new ApiBenchmark(options);
			try {
				benchmark.run();
			}
			finally {
				benchmark.close();
			}
		}
		catch (Exception | Error ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.out.flush();
		System.exit(status);
	}

	private void run() {
		Options o = this.options;
		List<Side> sides = Stream.of(Side.OURS, Side.PEER, Side.FLOOR)
			.filter((side) -> side != Side.PEER || o.peer() != null)
			.filter((side) -> o.sides() == null || o.sides().contains(side.label))
			.toList();
		System.out.printf(Locale.ROOT,
				"GraphQL %s%s against Cypher over %s: %d clients, %d s settling, %d s warm-up, %d s measured per "
						+ "side, %d round(s); %d cluster ids, %d region codes, %d search texts; deep pages %d to %d of "
						+ "clusters(first: %d)%n",
				o.url(), (o.peer() != null) ? " and the peer " + o.peer() : "", o.bolt(), o.clients(),
				o.settle().toSeconds(), o.warmup().toSeconds(), o.duration().toSeconds(), o.rounds(),
				this.clusterIds.size(), this.regionCodes.size(), this.searchTexts.size(), deepPage(),
				deepPage() + this.pageStarts.size() - 1, CanonicalQuery.ROOT_PAGE);
		describe("service", this.service);
		if (o.peer() != null) {
			describe("peer", this.peer);
		}
		List<CanonicalQuery> selected = CanonicalQuery.all(options.peers())
			.stream()
			.filter((query) -> (o.queries() != null) ? o.queries().contains(query.number())
					: (o.peer() == null || query.peer() != null))
			.toList();
		Map<Integer, String> checks = new LinkedHashMap<>();
		for (CanonicalQuery query : selected) {
			progress(query, "comparing the answers");
			String check = compareAnswers(query, sides);
			checks.put(query.number(), check);
			System.out.printf(Locale.ROOT, "Query %d, %s: %s%n", query.number(), query.name(), check);
		}
		if (!o.settle().isZero()) {
			settle(Side.OURS, selected);
			if (o.peer() != null) {
				settle(Side.PEER, selected.stream().filter((query) -> query.peer() != null).toList());
			}
		}
		List<QueryResult> results = new ArrayList<>();
		for (int round = 1; round <= o.rounds(); round++) {
			for (CanonicalQuery query : selected) {
				Map<Side, SideResult> bySide = new LinkedHashMap<>();
				for (Side side : sides) {
					bySide.put(side, measure(query, side, round));
				}
				QueryResult result = new QueryResult(query, round, bySide);
				results.add(result);
				System.out.println();
				result.print(checks.get(query.number()));
			}
		}
		System.out.println();
		System.out.println("Summary");
		System.out.println(Phase.HEADER);
		for (QueryResult result : results) {
			result.printRows();
		}
		System.out.println(Phase.LEGEND);
		if (this.service != null) {
			System.out.printf(Locale.ROOT, "service RSS max over the whole run: %s%n",
					megabytes(this.service.overallMaxKb()));
		}
		if (o.results() != null) {
			writeResults(Path.of(o.results()), results, checks);
		}
		if (this.peer != null) {
			System.out.printf(Locale.ROOT, "peer RSS max over the whole run: %s%n",
					megabytes(this.peer.overallMaxKb()));
		}
	}

	/** The number of the first deep page (query 10), counting from 1. */
	private int deepPage() {
		return this.deepStart / CanonicalQuery.ROOT_PAGE + 1;
	}

	/**
	 * Writes every measured phase as a tab-separated row, for bench/scale.sh; lines
	 * starting with # describe the graph.
	 */
	private void writeResults(Path file, List<QueryResult> results, Map<Integer, String> checks) {
		StringBuilder out = new StringBuilder();
		out.append("# clusters\t").append(this.clusterIds.size()).append('\n');
		out.append("# deep-page\t").append(deepPage()).append('\n');
		out.append("# rss-max-kb\t").append((this.service != null) ? this.service.overallMaxKb() : -1).append('\n');
		out.append(String.join("\t", "query", "name", "round", "side", "requests", "req/s", "p50 ms", "p99 ms",
				"errors", "cpu/req", "check"))
			.append('\n');
		for (QueryResult result : results) {
			result.sides().forEach((side, sideResult) -> {
				Phase phase = sideResult.phase();
				String check = checks.getOrDefault(result.query().number(), "").replaceAll("\\s+", " ");
				String name = result.query().name();
				if (phase == null) {
					out.append(String.join("\t", Integer.toString(result.query().number()), name,
							Integer.toString(result.round()), side.label, "0", "", "", "", "", "",
							sideResult.failure().replaceAll("\\s+", " ")))
						.append('\n');
					return;
				}
				out.append(String.format(Locale.ROOT, "%d\t%s\t%d\t%s\t%d\t%.1f\t%.2f\t%.2f\t%d\t%.3f\t%s%n",
						result.query().number(), name, result.round(), side.label, phase.requests(), phase.throughput(),
						phase.p50Nanos() / 1e6, phase.p99Nanos() / 1e6, phase.errors(), phase.cpuPerRequest(), check));
			});
		}
		try {
			Files.writeString(file, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	private static void describe(String what, ServiceProcess process) {
		if (process != null) {
			System.out.printf(Locale.ROOT, "%s pid %d, RSS now %s%n", what, process.pid(),
					megabytes(process.takeWindowMaxKb()));
		}
		else {
			System.out.printf(Locale.ROOT,
					"%s CPU and RSS: unknown (no pid given, and no process of ours listens on its port)%n", what);
		}
	}

	/**
	 * Sends the queries in turn to one side for the settling time, so that its JIT
	 * compiler has compiled the request paths before the first warm-up: on two cores
	 * shared with the load generator that takes minutes, not seconds.
	 */
	private void settle(Side side, List<CanonicalQuery> queries) {
		System.err.printf(Locale.ROOT, "[settle] %s: queries %s in turn for %d s%n", side.label,
				queries.stream().map(CanonicalQuery::number).toList(), this.options.settle().toSeconds());
		List<Call> calls = queries.stream().map((query) -> call(side, query, this.options.answers())).toList();
		Phase phase = runPhase(new Call() {

			@Override
			public Outcome call(long sequence) {
				return calls.get((int) (sequence % calls.size())).call(sequence / calls.size());
			}

			@Override
			public void close() {
				calls.forEach(Call::close);
			}

		}, this.options.settle(), null, null);
		System.err.printf(Locale.ROOT, "[settle] %s: %d requests, %.1f req/s, %d errors%n", side.label,
				phase.requests(), phase.requests() / (phase.elapsedNanos() / 1e9), phase.errors());
	}

	/**
	 * One side of one query in one round: a probe, the warm-up, then the measured phase.
	 */
	private SideResult measure(CanonicalQuery query, Side side, int round) {
		if (side == Side.PEER && query.peer() == null) {
			return SideResult.absent("no equivalent query in the peer's schema");
		}
		Outcome probe;
		try (Call call = call(side, query, true)) {
			probe = call.call(0);
		}
		if (probe.error() != null) {
			return SideResult.failed(probe.error());
		}
		progress(query, "round " + round + ", " + side.label + " warm-up");
		Phase warmup = runPhase(call(side, query, this.options.answers()), this.options.warmup(), null, null);
		if (warmup.errors() > 0) {
			return SideResult.failed(warmup.errors() + " of " + warmup.requests() + " warm-up requests failed; first: "
					+ warmup.firstError());
		}
		progress(query, "round " + round + ", " + side.label + " measured");
		return new SideResult(runPhase(call(side, query, this.options.answers()), this.options.duration(), server(side),
				database(side)), null);
	}

	/**
	 * The process that serves a side: the service (whose database the floor reads), or
	 * the peer.
	 */
	private ServiceProcess server(Side side) {
		return (side == Side.PEER) ? this.peer : this.service;
	}

	/**
	 * The process whose CPU a side spends besides its server's: the service's embedded
	 * database, for the peer.
	 */
	private ServiceProcess database(Side side) {
		return (side == Side.PEER) ? this.service : null;
	}

	/**
	 * A side's call of a query.
	 * @param answers whether each response is reduced to its answer (the comparison), or
	 * only read whole and checked for errors (the answer is then empty)
	 */
	private Call call(Side side, CanonicalQuery query, boolean answers) {
		return switch (side) {
			case OURS -> httpCall(this.options.url(), query, query.graphql(), query::graphqlVariables,
					answers ? query.fromGraphql() : null);
			case PEER -> httpCall(this.options.peer(), query, query.peer().graphql(), query::peerVariables,
					answers ? query.peer().fromGraphql() : null);
			case FLOOR -> cypherCall(query, answers);
		};
	}

	/**
	 * Compares the sides' answers on a spread of arguments (once for a query without
	 * one), so that the floor and the peer are known to compute what the API computes.
	 */
	private String compareAnswers(CanonicalQuery query, List<Side> sides) {
		List<Side> compared = sides.stream().filter((side) -> side != Side.PEER || query.peer() != null).toList();
		int arguments = switch (query.argument()) {
			case NONE -> 1;
			case CLUSTER -> this.clusterIds.size();
			case REGION -> this.regionCodes.size();
			case TEXT -> this.searchTexts.size();
			case PROGRAM -> this.programKeys.size();
			case AFTER -> this.pageStarts.size();
		};
		int samples = Math.min(this.options.check(), arguments);
		Map<Side, Call> calls = new LinkedHashMap<>();
		compared.forEach((side) -> calls.put(side, call(side, query, true)));
		try {
			Map<Side, Integer> differing = new LinkedHashMap<>();
			String first = null;
			for (int i = 0; i < samples; i++) {
				long sequence = (long) i * arguments / samples;
				Map<Side, Outcome> outcomes = new LinkedHashMap<>();
				for (Side side : compared) {
					Outcome outcome = calls.get(side).call(sequence);
					if (outcome.error() != null) {
						return "not compared: " + side.label + ": " + outcome.error();
					}
					outcomes.put(side, outcome);
				}
				String ours = outcomes.get(Side.OURS).answer();
				for (Side side : compared) {
					if (side != Side.OURS && !outcomes.get(side).answer().equals(ours)) {
						differing.merge(side, 1, Integer::sum);
						if (first == null) {
							first = "for " + argument(query, sequence) + "\n      ours:  " + ours + "\n      "
									+ side.label + ": " + outcomes.get(side).answer();
						}
					}
				}
			}
			String what = switch (query.argument()) {
				case NONE -> "";
				case CLUSTER -> " on " + samples + " of " + arguments + " cluster ids";
				case REGION -> " on " + samples + " of " + arguments + " region codes";
				case TEXT -> " on " + samples + " of " + arguments + " search texts";
				case PROGRAM -> " on " + samples + " of " + arguments + " programs";
				case AFTER -> " on " + samples + " of " + arguments + " deep pages";
			};
			String names = compared.stream().map((side) -> side.label).toList().toString();
			if (differing.isEmpty()) {
				return "answers of " + names + " agree" + what;
			}
			return "ANSWERS DIFFER" + what + ": " + differing + " differ from ours; first " + first;
		}
		finally {
			calls.values().forEach(Call::close);
		}
	}

	/**
	 * Posts the document over one kept-alive connection per client thread
	 * ({@link KeepAliveHttp}), parses the JSON response and reduces it to the answer, as
	 * a client would; without {@code reduce}, reads the response through once and checks
	 * its status and errors without building it (a client's least work before it uses an
	 * answer: building a tree of a 4 MB answer took the load generator 200 ms on the
	 * cores the service was measured on).
	 */
	private Call httpCall(String url, CanonicalQuery query, String document,
			Function<String, Map<String, Object>> variables, Function<JsonNode, String> reduce) {
		URI uri = URI.create(url);
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
				body.put("query", document);
				Map<String, Object> values = variables.apply(argument(query, sequence));
				if (!values.isEmpty()) {
					body.put("variables", values);
				}
				try {
					KeepAliveHttp.Response response = http.post(ApiBenchmark.this.json.writeValueAsBytes(body));
					if (reduce == null) {
						return checked(ApiBenchmark.this.json, response);
					}
					JsonNode root;
					try {
						root = ApiBenchmark.this.json.readTree(response.body());
					}
					catch (RuntimeException ex) {
						return notJson(response.status());
					}
					Outcome failure = failure(response.status(), root.path("errors"));
					return (failure != null) ? failure : Outcome.answered(reduce.apply(root.path("data")));
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

	/**
	 * Reads a response through and fails it when its status is not 200, it is not a JSON
	 * object, or it holds {@code errors}. The body's structure is checked byte by byte
	 * (strings, nesting, nothing after the object), which costs a load generator that
	 * shares the service's cores less than half of what decoding every token did; a body
	 * with a top-level {@code errors} member, and only such a body, is then decoded to
	 * report them.
	 */
	static Outcome checked(JsonMapper json, KeepAliveHttp.Response response) {
		return switch (shape(response.body())) {
			case NOT_JSON -> notJson(response.status());
			case NOT_AN_OBJECT ->
				Outcome.failed("HTTP " + response.status() + " with a body that is not a JSON object");
			case OBJECT -> {
				Outcome failure = failure(response.status(), MissingNode.getInstance());
				yield (failure != null) ? failure : Outcome.answered("");
			}
			case OBJECT_NAMING_ERRORS -> decoded(json, response);
		};
	}

	/** What {@link #shape} finds a body to be. */
	enum Shape {

		NOT_JSON, NOT_AN_OBJECT, OBJECT, OBJECT_NAMING_ERRORS

	}

	private static final byte[] ERRORS_MEMBER = "\"errors\"".getBytes(StandardCharsets.US_ASCII);

	/**
	 * The shape of a body: an object whose strings end and whose brackets pair, with
	 * nothing but white space after it (what lies between strings and brackets, numbers
	 * and literals, is not checked), and whether a string at its top level reads
	 * {@code "errors"} as written, without escapes, as every JSON writer in use writes a
	 * member's name (a member's name, or by chance a member's value: either way the body
	 * is then decoded).
	 */
	static Shape shape(byte[] body) {
		int i = whiteSpace(body, 0);
		if (i == body.length || body[i] != '{') {
			return (i < body.length && body[i] == '[') ? Shape.NOT_AN_OBJECT : Shape.NOT_JSON;
		}
		// the closing bracket each open one wants, innermost last
		byte[] closing = new byte[32];
		int depth = 0;
		boolean errors = false;
		for (; i < body.length; i++) {
			byte b = body[i];
			if (b == '"') {
				errors |= depth == 1 && Arrays.equals(body, i, Math.min(i + ERRORS_MEMBER.length, body.length),
						ERRORS_MEMBER, 0, ERRORS_MEMBER.length);
				i = endOfString(body, i + 1);
				if (i < 0) {
					return Shape.NOT_JSON;
				}
			}
			else if (b == '{' || b == '[') {
				if (depth == closing.length) {
					closing = Arrays.copyOf(closing, depth * 2);
				}
				closing[depth++] = (byte) ((b == '{') ? '}' : ']');
			}
			else if (b == '}' || b == ']') {
				if (closing[--depth] != b) {
					return Shape.NOT_JSON;
				}
				if (depth == 0) {
					return (whiteSpace(body, i + 1) != body.length) ? Shape.NOT_JSON
							: (errors ? Shape.OBJECT_NAMING_ERRORS : Shape.OBJECT);
				}
			}
		}
		return Shape.NOT_JSON;
	}

	/**
	 * The index of the quote that ends a string whose first character is at {@code i}, or
	 * -1.
	 */
	private static int endOfString(byte[] body, int i) {
		for (; i < body.length; i++) {
			if (body[i] == '\\') {
				i++;
			}
			else if (body[i] == '"') {
				return i;
			}
		}
		return -1;
	}

	private static int whiteSpace(byte[] body, int i) {
		while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
			i++;
		}
		return i;
	}

	/**
	 * Reads a response through, token by token, and fails it when its status is not 200,
	 * it is not a JSON object, or it holds {@code errors}.
	 */
	private static Outcome decoded(JsonMapper json, KeepAliveHttp.Response response) {
		JsonNode errors = MissingNode.getInstance();
		try (JsonParser parser = json.createParser(response.body())) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return Outcome.failed("HTTP " + response.status() + " with a body that is not a JSON object");
			}
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				parser.nextToken();
				if (name.equals("errors")) {
					errors = parser.readValueAsTree();
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (RuntimeException ex) {
			return notJson(response.status());
		}
		Outcome failure = failure(response.status(), errors);
		return (failure != null) ? failure : Outcome.answered("");
	}

	/**
	 * Why a response whose body is JSON fails: the errors it holds, else a status other
	 * than 200.
	 * @return the failure, or null when the response answers
	 */
	private static @Nullable Outcome failure(int status, JsonNode errors) {
		if (!errors.isEmpty()) {
			return Outcome.failed(errors.size() + " error(s), first: " + errors.path(0));
		}
		return (status != 200) ? Outcome.failed("HTTP " + status) : null;
	}

	private static Outcome notJson(int status) {
		return Outcome.failed("HTTP " + status + " with a body that is not JSON");
	}

	/**
	 * Runs the floor's statement and reduces its records to the answer; without
	 * {@code answers}, only receives its records, as the driver decodes them.
	 */
	private Call cypherCall(CanonicalQuery query, boolean answers) {
		return (sequence) -> {
			Map<String, Object> parameters = query.cypherParameters(argument(query, sequence));
			try (Session session = this.driver.session(this.readSession)) {
				List<Record> records = session.executeRead((tx) -> tx.run(query.cypher(), parameters).list());
				return Outcome.answered(answers ? query.fromCypher().apply(records) : "");
			}
			catch (Exception ex) {
				return Outcome.failed(ex.toString());
			}
		};
	}

	/**
	 * The argument of a query's request with this sequence number: ids and codes in turn.
	 */
	private String argument(CanonicalQuery query, long sequence) {
		return switch (query.argument()) {
			case NONE -> "";
			case CLUSTER -> this.clusterIds.get((int) (sequence % this.clusterIds.size()));
			case REGION -> this.regionCodes.get((int) (sequence % this.regionCodes.size()));
			case TEXT -> this.searchTexts.get((int) (sequence % this.searchTexts.size()));
			case PROGRAM -> this.programKeys.get((int) (sequence % this.programKeys.size()));
			case AFTER -> this.pageStarts.get((int) (sequence % this.pageStarts.size()));
		};
	}

	/**
	 * Runs the call from {@code clients} threads for the duration, each sending its next
	 * request as soon as the last one is answered; every phase starts at the first
	 * argument, so every side of a query sees the same arguments in the same order. The
	 * server's CPU time and highest RSS and the database's CPU time are taken over the
	 * phase when those processes are known.
	 */
	private Phase runPhase(Call call, Duration duration, ServiceProcess server, ServiceProcess database) {
		int clients = this.options.clients();
		AtomicLong sequence = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		long[][] latencies = new long[clients][];
		int[] counts = new int[clients];
		if (server != null) {
			server.takeWindowMaxKb();
		}
		long cpuBefore = (server != null) ? server.cpuMillis() : -1;
		long databaseCpuBefore = (database != null) ? database.cpuMillis() : -1;
		long generatorCpuBefore = generatorCpuNanos();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
				long[] mine = new long[1024];
				int n = 0;
				try {
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
				}
				catch (Throwable ex) {
					// the load generator's own failure (its heap, say): this client
					// stops, and the phase counts an error and keeps its figures
					errors.incrementAndGet();
					firstError.compareAndSet(null, "the load generator's client failed: " + ex);
				}
				finally {
					latencies[client] = mine;
					counts[client] = n;
				}
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
		long cpuAfter = (server != null) ? server.cpuMillis() : -1;
		long databaseCpuAfter = (database != null) ? database.cpuMillis() : -1;
		long generatorCpu = generatorCpuNanos() - generatorCpuBefore;
		call.close();
		long rssMaxKb = (server != null) ? server.takeWindowMaxKb() : -1;
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(latencies[c], 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		return new Phase(total, errors.get(), firstError.get(), elapsed, percentile(all, 50), percentile(all, 99),
				difference(cpuBefore, cpuAfter), difference(databaseCpuBefore, databaseCpuAfter),
				generatorCpu / 1_000_000, rssMaxKb);
	}

	private static long difference(long before, long after) {
		return (before >= 0 && after >= 0) ? after - before : -1;
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

	/**
	 * The process serving a URL: the one given, else the one listening on the URL's port;
	 * null when there is not exactly one.
	 */
	private static ServiceProcess findProcess(String url, Long pid) {
		if (pid == null) {
			URI uri = URI.create(url);
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
			List<Long> listening = ServiceProcess.listeningOn(port);
			if (listening.size() != 1) {
				if (listening.size() > 1) {
					System.err.println("Several processes listen on port " + port + " " + listening + "; give its pid");
				}
				return null;
			}
			pid = listening.get(0);
		}
		return ServiceProcess.watch(pid, 100);
	}

	private void close() {
		try {
			if (this.service != null) {
				this.service.close();
			}
			if (this.peer != null) {
				this.peer.close();
			}
		}
		finally {
			this.driver.close();
		}
	}

	static String megabytes(long kb) {
		return (kb < 0) ? "unknown" : (kb / 1024) + " MB";
	}

	/** One request: the answer a client keeps, or why there is none. */
	record Outcome(String answer, String error) {

		static Outcome answered(String answer) {
			return new Outcome(answer, null);
		}

		static Outcome failed(String error) {
			return new Outcome(null, error);
		}

	}

	/**
	 * Sends one request; the sequence number picks the argument. Closed when its phase
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
	 * Who answers: the service, the peer, or hand-written Cypher over Bolt (the floor).
	 */
	private enum Side {

		OURS("ours"), PEER("peer"), FLOOR("floor");

		final String label;

		Side(String label) {
			this.label = label;
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
	 * @param serverCpuMillis the CPU time in the phase of the process that answered (the
	 * service, whose embedded database the floor reads, or the peer), or -1
	 * @param databaseCpuMillis for the peer, the service's CPU time in the phase: its
	 * embedded database answering the peer's statements; else -1
	 * @param generatorCpuMillis the load generator's (this process's) CPU time in the
	 * phase
	 * @param rssMaxKb the highest RSS of the process that answered, sampled in the phase,
	 * or -1
	 */
	private record Phase(int requests, long errors, String firstError, long elapsedNanos, long p50Nanos, long p99Nanos,
			long serverCpuMillis, long databaseCpuMillis, long generatorCpuMillis, long rssMaxKb) {

		static final String HEADER = String.format(Locale.ROOT,
				"%-28s %5s %-5s %8s %8s %8s %8s %6s %8s %8s %8s %8s %9s %9s %9s", "query", "round", "side", "requests",
				"req/s", "p50 ms", "p99 ms", "errors", "cpu/req", "db/req", "gen/req", "RSS max", "o/x req/s",
				"o/x p50", "o/x cpu");

		static final String LEGEND = """
				cpu/req: CPU ms per request of the process that answered (the service, whose embedded database \
				the floor reads; or the peer's process); db/req: for the peer, the service's (its database); \
				gen/req: the load generator's. o/x: ours divided by the row's side, CPU with the peer's database.""";

		double throughput() {
			return this.requests / (this.elapsedNanos / 1e9);
		}

		/**
		 * The CPU milliseconds per request of the server and, for the peer, the database.
		 */
		double cpuPerRequest() {
			if (this.serverCpuMillis < 0 || this.requests == 0) {
				return Double.NaN;
			}
			return (double) (this.serverCpuMillis + Math.max(this.databaseCpuMillis, 0)) / this.requests;
		}

		/**
		 * One row of the table; with ours given (on the other sides' rows), the ratios of
		 * ours to this side.
		 */
		String row(String query, String round, String side, Phase ours) {
			return String.format(Locale.ROOT, "%-28s %5s %-5s %8d %8.1f %8.2f %8.2f %6d %8s %8s %8s %8s %9s %9s %9s",
					query, round, side, this.requests, throughput(), this.p50Nanos / 1e6, this.p99Nanos / 1e6,
					this.errors, perRequest(this.serverCpuMillis), perRequest(this.databaseCpuMillis),
					perRequest(this.generatorCpuMillis), (this.rssMaxKb < 0) ? "-" : megabytes(this.rssMaxKb),
					ratio(ours, Phase::throughput), ratio(ours, (p) -> p.p50Nanos() / 1e6),
					ratio(ours, Phase::cpuPerRequest));
		}

		private String ratio(Phase ours, ToDoubleFunction<Phase> figure) {
			if (ours == null) {
				return "";
			}
			double value = figure.applyAsDouble(ours) / figure.applyAsDouble(this);
			return (Double.isNaN(value) || Double.isInfinite(value)) ? "-" : String.format(Locale.ROOT, "%.2f", value);
		}

		private String perRequest(long millis) {
			return (millis < 0 || this.requests == 0) ? "-"
					: String.format(Locale.ROOT, "%.2f", (double) millis / this.requests);
		}

	}

	/**
	 * One side of one query in one round: its phase, or why there is none (a failure, or
	 * no such query on that side).
	 */
	private record SideResult(Phase phase, String failure) {

		static SideResult failed(String why) {
			return new SideResult(null, "FAILED: " + why);
		}

		static SideResult absent(String why) {
			return new SideResult(null, why);
		}

	}

	/** Every side of one query in one round. */
	private record QueryResult(CanonicalQuery query, int round, Map<Side, SideResult> sides) {

		void print(String check) {
			System.out.printf(Locale.ROOT, "Query %d, %s, round %d%n", this.query.number(), this.query.name(),
					this.round);
			if (check != null) {
				System.out.println("  " + check);
			}
			System.out.println(Phase.HEADER);
			printRows();
			this.sides.forEach((side, result) -> {
				if (result.phase() != null && result.phase().errors() > 0) {
					System.out
						.println("  " + side.label + " errors while measuring; first: " + result.phase().firstError());
				}
			});
		}

		void printRows() {
			boolean first = true;
			for (Map.Entry<Side, SideResult> entry : this.sides.entrySet()) {
				String label = first ? this.query.number() + " " + this.query.name() : "";
				String round = first ? Integer.toString(this.round) : "";
				first = false;
				SideResult result = entry.getValue();
				Phase ours = (entry.getKey() != Side.OURS) ? phase(Side.OURS) : null;
				System.out.println((result.phase() != null)
						? result.phase().row(label, round, entry.getKey().label, ours) : String.format(Locale.ROOT,
								"%-28s %5s %-5s %s", label, round, entry.getKey().label, result.failure()));
			}
		}

		private Phase phase(Side side) {
			SideResult result = this.sides.get(side);
			return (result != null) ? result.phase() : null;
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
	 * @param peer the peer's GraphQL endpoint, or null for none
	 * @param clients concurrent clients per side
	 * @param settle the time the GraphQL queries run in turn before anything is measured
	 * @param warmup the warm-up before each measured phase
	 * @param duration each measured phase
	 * @param rounds how many times every query is measured on every side
	 * @param queries the numbers of the queries to run, or null for the default
	 * @param check how many arguments to compare answers on
	 * @param pid the service's process id, or null to find it
	 * @param peerPid the peer's process id, or null to find it
	 * @param sides the labels of the sides to measure, or null for all that are given
	 * @param deep after how many clusters the deep page starts, at most
	 * @param results a file to write the measured phases to, or null
	 * @param peers how many clusters query 2 asks of each industry
	 * @param answers whether measured requests are reduced to their answers
	 * ({@code --read=answer}) or only read and checked ({@code --read=check})
	 */
	record Options(String url, String bolt, String user, String password, String passwordFile, String peer, int clients,
			Duration settle, Duration warmup, Duration duration, int rounds, Set<Integer> queries, int check, Long pid,
			Long peerPid, Set<String> sides, int deep, String results, int peers, boolean answers) {

		private static final Set<String> NAMES = Set.of("url", "bolt", "user", "password", "password-file", "peer",
				"clients", "settle", "warmup", "duration", "rounds", "queries", "check", "pid", "peer-pid", "sides",
				"deep", "results", "peers", "read");

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
			Set<Integer> queries = null;
			if (given.containsKey("queries")) {
				queries = new TreeSet<>();
				for (String number : given.get("queries").split(",")) {
					queries.add(Integer.parseInt(number.trim()));
				}
			}
			Set<String> sides = null;
			if (given.containsKey("sides")) {
				sides = new TreeSet<>();
				for (String side : given.get("sides").split(",")) {
					if (Stream.of(Side.values()).noneMatch((known) -> known.label.equals(side.trim()))) {
						throw new IllegalArgumentException("--sides: unknown side " + side.trim());
					}
					sides.add(side.trim());
				}
				if (!sides.contains(Side.OURS.label)) {
					throw new IllegalArgumentException("--sides must include ours, which the others are compared with");
				}
			}
			String check = given.getOrDefault("check", "20");
			String read = given.getOrDefault("read", "check");
			if (!read.equals("check") && !read.equals("answer")) {
				throw new IllegalArgumentException("--read must be check or answer, not " + read);
			}
			String peer = given.get("peer");
			return new Options(given.getOrDefault("url", "http://localhost:8080/graphql"),
					given.getOrDefault("bolt", "bolt://127.0.0.1:7687"), given.get("user"),
					given.getOrDefault("password", ""), given.get("password-file"),
					(peer == null || peer.isBlank()) ? null : peer, positive(given, "clients", "16"),
					Duration.ofSeconds(Long.parseLong(given.getOrDefault("settle", "0"))),
					Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", "5"))),
					Duration.ofSeconds(positive(given, "duration", "15")), positive(given, "rounds", "1"), queries,
					check.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(check),
					given.containsKey("pid") ? Long.valueOf(given.get("pid")) : null,
					given.containsKey("peer-pid") ? Long.valueOf(given.get("peer-pid")) : null, sides,
					positive(given, "deep", "19980"), given.get("results"),
					positive(given, "peers", String.valueOf(CanonicalQuery.PEER_PAGE)), read.equals("answer"));
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
