package org.clustergraph.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Sends the requests of {@code warmup/requests.graphql} to the service's own
 * {@code POST /graphql} for a while after the startup load, before the service reports
 * itself ready: the first users then meet a request path (Tomcat, Spring MVC, Spring for
 * GraphQL, graphql-java, the driver, the database's plans) that has run and been
 * compiled, not one that loads classes and interprets its code. It runs for
 * {@link WarmupProperties#duration()}, or, with {@code --train=SECONDS}, for that long as
 * the training run of the AOT cache ({@code bin/aot-cache.sh}), which records the classes
 * and method profiles of the request path for later starts.
 *
 * <p>
 * The arguments come from the graph: the ids and regions of its first clusters and words
 * of their names. A request that fails is logged with its operation, since it would fail
 * for a user too; the warm-up itself never stops the service.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RequestWarmup implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(RequestWarmup.class);

	private static final Pattern OPERATION = Pattern
		.compile("(?m)^(?:# weight: (\\d+)\\s*\\n)?query (\\w+)(\\([^)]*\\))?");

	private static final String SAMPLE = "{ clusters(first: 100) { edges { node { id name regions { code } } } } }";

	private final ApplicationContext context;

	private final WarmupProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile Result last;

	RequestWarmup(ApplicationContext context, WarmupProperties properties) {
		this.context = context;
		this.properties = properties;
	}

	/**
	 * What the last warm-up sent: requests and failed requests per operation.
	 * @return the last result, or null when none ran
	 */
	public Result last() {
		return this.last;
	}

	@Override
	public void run(ApplicationArguments args) {
		Duration duration = this.properties.duration();
		if (args.containsOption("train")) {
			duration = Duration.ofSeconds(trainingSeconds(args));
		}
		else if (args.containsOption("exit")) {
			return;
		}
		if (duration.isZero() || !(this.context instanceof WebServerApplicationContext web)
				|| web.getWebServer() == null || web.getWebServer().getPort() <= 0) {
			return;
		}
		try {
			this.last = warm(web.getWebServer().getPort(), duration);
			logger.info("Warmed the request path with {} requests in {} ms ({} failed)", this.last.requests(),
					this.last.elapsed().toMillis(), this.last.failures());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not warm the request path: {}", ex.getMessage());
		}
	}

	private static long trainingSeconds(ApplicationArguments args) {
		List<String> values = args.getOptionValues("train");
		String value = (values.isEmpty() || values.getFirst().isBlank()) ? "30" : values.getFirst();
		try {
			long seconds = Long.parseLong(value.trim());
			if (seconds >= 1 && seconds <= 3600) {
				return seconds;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--train takes a number of seconds from 1 to 3600, not '" + value + "'");
	}

	private Result warm(int port, Duration duration) {
		long started = System.nanoTime();
		URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
		try (HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build()) {
			return warm(client, endpoint, started, duration);
		}
	}

	private Result warm(HttpClient client, URI endpoint, long started, Duration duration) {
		Arguments arguments = arguments(client, endpoint);
		if (arguments.ids().isEmpty()) {
			logger.info("Did not warm the request path: the graph has no clusters yet");
			return new Result(Map.of(), Map.of(), Duration.ZERO);
		}
		List<Operation> operations = operations();
		Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
		Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
		operations.forEach((operation) -> {
			sent.putIfAbsent(operation.name(), new AtomicLong());
			failed.putIfAbsent(operation.name(), new AtomicLong());
		});
		long deadline = started + duration.toNanos();
		AtomicLong sequence = new AtomicLong();
		try (ExecutorService clients = Executors.newFixedThreadPool(this.properties.clients())) {
			for (int i = 0; i < this.properties.clients(); i++) {
				clients.submit(() -> {
					while (true) {
						long n = sequence.getAndIncrement();
						if (n >= operations.size() && System.nanoTime() >= deadline) {
							break;
						}
						Operation operation = operations.get((int) (n % operations.size()));
						sent.get(operation.name()).incrementAndGet();
						String problem = send(client, endpoint, operation, arguments, n / operations.size());
						if (problem != null && failed.get(operation.name()).getAndIncrement() == 0) {
							logger.warn("Warm-up request {} failed: {}", operation.name(), problem);
						}
					}
				});
			}
		}
		return new Result(counts(sent), counts(failed), Duration.ofNanos(System.nanoTime() - started));
	}

	private static Map<String, Long> counts(Map<String, AtomicLong> counters) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counters.forEach((name, count) -> counts.put(name, count.get()));
		return counts;
	}

	private String send(HttpClient client, URI endpoint, Operation operation, Arguments arguments, long n) {
		Map<String, Object> variables = new LinkedHashMap<>();
		if (operation.variables().contains("$id")) {
			variables.put("id", arguments.ids().get((int) (n % arguments.ids().size())));
		}
		if (operation.variables().contains("$region")) {
			variables.put("region", arguments.regions().get((int) (n % arguments.regions().size())));
		}
		if (operation.variables().contains("$text")) {
			variables.put("text", arguments.texts().get((int) (n % arguments.texts().size())));
		}
		try {
			JsonNode answer = post(client, endpoint,
					this.json.writeValueAsString(Map.of("query", operation.document(), "variables", variables)));
			return answer.has("errors") ? answer.path("errors").path(0).path("message").asString() : null;
		}
		catch (IOException | RuntimeException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private JsonNode post(HttpClient client, URI endpoint, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IOException("HTTP " + response.statusCode());
		}
		return this.json.readTree(response.body());
	}

	/**
	 * Cluster ids, region codes and search words from the first clusters of the graph.
	 */
	private Arguments arguments(HttpClient client, URI endpoint) {
		JsonNode answer;
		try {
			answer = post(client, endpoint, this.json.writeValueAsString(Map.of("query", SAMPLE)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		List<String> ids = new ArrayList<>();
		List<String> regions = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (JsonNode edge : answer.path("data").path("clusters").path("edges")) {
			JsonNode node = edge.path("node");
			ids.add(node.path("id").asString());
			node.path("regions").forEach((region) -> regions.add(region.path("code").asString()));
			String name = node.path("name").asString();
			if (name.length() >= 4) {
				texts.add(name.substring(name.length() - 4));
			}
		}
		if (texts.isEmpty()) {
			texts.add("产业集群");
		}
		return new Arguments(ids, regions.isEmpty() ? List.of("") : regions, texts);
	}

	/**
	 * The operations of {@code warmup/requests.graphql}, each as a document of its own.
	 */
	static List<Operation> operations() {
		String text;
		try (InputStream in = new ClassPathResource("warmup/requests.graphql").getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Operation> operations = new ArrayList<>();
		Matcher matcher = OPERATION.matcher(text);
		List<Integer> starts = new ArrayList<>();
		List<Integer> weights = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<String> variables = new ArrayList<>();
		while (matcher.find()) {
			starts.add(matcher.start(2) - "query ".length());
			weights.add((matcher.group(1) != null) ? Integer.parseInt(matcher.group(1)) : 1);
			names.add(matcher.group(2));
			variables.add((matcher.group(3) != null) ? matcher.group(3) : "");
		}
		for (int i = 0; i < starts.size(); i++) {
			int end = (i + 1 < starts.size()) ? starts.get(i + 1) : text.length();
			Operation operation = new Operation(names.get(i), text.substring(starts.get(i), end).strip(),
					variables.get(i));
			for (int copy = 0; copy < weights.get(i); copy++) {
				operations.add(operation);
			}
		}
		return operations;
	}

	record Operation(String name, String document, String variables) {
	}

	private record Arguments(List<String> ids, List<String> regions, List<String> texts) {
	}

	/**
	 * What one warm-up sent.
	 *
	 * @param sent requests per operation
	 * @param failed failed requests per operation
	 * @param elapsed how long it took
	 */
	public record Result(Map<String, Long> sent, Map<String, Long> failed, Duration elapsed) {

		/**
		 * All requests sent.
		 * @return the sum over the operations
		 */
		public long requests() {
			return this.sent.values().stream().mapToLong(Long::longValue).sum();
		}

		/**
		 * All requests that failed.
		 * @return the sum over the operations
		 */
		public long failures() {
			return this.failed.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
