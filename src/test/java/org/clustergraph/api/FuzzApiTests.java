package org.clustergraph.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.clustergraph.GraphTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fuzz of the public endpoint over real HTTP, reproducible from its seed: real
 * queries (the README's examples and queries over every root field), truncated,
 * duplicated, reshuffled, with huge, negative and ill-typed values, odd Unicode (lone
 * surrogates too), deep nesting and many aliases; then requests that are wrong at the
 * HTTP level (methods, content types, bodies that are not a GraphQL request, huge bodies,
 * bad charsets). Every answer must be a GraphQL response or a 4xx, never a 5xx, never an
 * internal error, and never show a stack trace or a Java class. A failure lists each case
 * by its number, so it reproduces with the same seed.
 */
@GraphTest
class FuzzApiTests {

	/** Change it to explore; keep it fixed so that a failure reproduces. */
	private static final long SEED = 20261204L;

	private static final int DOCUMENTS = 300;

	private static final Pattern LEAK = Pattern
		.compile("\\bat [a-z]+\\.[\\w.$]+\\(|java\\.|org\\.springframework|org\\.neo4j|Exception\\b");

	private static final Pattern README_EXAMPLE = Pattern.compile("```graphql\\n(# example: \\S+\\n.*?)```",
			Pattern.DOTALL);

	/**
	 * Real queries over every root field but the path and neighbourhood ones, whose cost
	 * with huge arguments is tested elsewhere.
	 */
	private static final List<String> QUERIES = List.of("{ dataset { listingCount } }",
			"{ programs { key name issuer years clusterCount } }",
			"{ program(key: \"hubei\") { name listings(year: 2024, first: 5) { totalCount edges { cursor node { nameAsListed rank } } } } }",
			"{ cluster(id: \"Cluster:f22e831ce54e\") { name regions { code name ancestors { name } } industries { code name } listings { program { name } year rank nameAsListed source { document line } } } }",
			"{ clusters(first: 5, filter: { region: \"420000\" }) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }",
			"{ clusters(first: 3, filter: { industry: \"1781\", year: 2024 }) { edges { node { name } } } }",
			"{ clusters(first: 10, filter: { nameContains: \"机床\" }) { totalCount } }",
			"{ clusters(first: 2, after: \"YXJyYXljb25uZWN0aW9uOjE=\") { edges { node { name } } } }",
			"{ crossListedClusters(minPrograms: 2, first: 5) { totalCount edges { node { name listings { program { key } } } } } }",
			"{ region(code: \"330000\") { name level parent { code } children(first: 5) { edges { node { code name } } } clusters(first: 3) { totalCount } } }",
			"{ regions(first: 5, filter: { nameContains: \"州\", hasClusters: true }) { edges { node { code name } } } }",
			"{ industry(code: \"1781\") { name clusters(first: 3) { totalCount } } }",
			"{ industries(first: 5, filter: { hasClusters: true }) { edges { node { code name } } } }",
			"{ search(text: \"仙桃\", first: 5) { score node { id ... on Cluster { name } } } }",
			"{ search(text: \"数控机床\") { score node { __typename id } } }",
			"{ node(id: \"Region:429004\") { id ... on Region { name code } } }",
			"{ regionsInMultiplePrograms(level: PREFECTURE, minPrograms: 3) { region { code name } programCount clusterCount } }",
			"{ industrySpread(level: DIVISION, minProvinces: 5) { industry { code name } } }",
			"{ programOverlap(regionLevel: PROVINCE) { a { key } b { key } sharedClusters sharedRegions clusterJaccard } }",
			"query Page($first: Int, $after: String) { clusters(first: $first, after: $after) { edges { cursor node { name } } } }",
			"query Find($text: String!, $first: Int) { search(text: $text, first: $first) { score node { id } } }",
			"query One($id: ID!) { node(id: $id) { id __typename } }",
			"fragment C on Cluster { id name } { a: cluster(id: \"Cluster:f22e831ce54e\") { ...C } b: node(id: \"Program:hubei\") { id } }",
			"{ __schema { queryType { name } types { name kind } } }",
			"{ __type(name: \"Cluster\") { fields { name } } }");

	private static final List<String> NUMBERS = List.of("0", "-1", "-2147483648", "2147483647", "2147483648",
			"-2147483649", "99999999999999999999999999", "1e308", "-1e308", "1.5", "-0", "007", "0x10", "1e", "NaN",
			"Infinity");

	private static final List<String> STRINGS = List.of("", " ", "\uD800", "\uDFFF", "a\uD800b", "\uDBFF\uDFFF", "😀",
			"\u202E仙桃", "\u200B", "\u0000", "\\u0000", "\\uD800", "\\uDFFF\\uD800", "仙".repeat(101), "x".repeat(5000),
			"%", "*", "\\\\", "\" }", "+-&&||!(){}[]^\"~*?:\\\\/", "\") MATCH (n) DETACH DELETE n //", "' OR 1=1 --",
			"Cluster:", ":", "Region:999999", "Nope:1", "Cluster:f22e831ce54e:x",
			"YXJyYXljb25uZWN0aW9uOjk5OTk5OTk5OTk5OTk5OTk5OTk=", "====", "\uFFFF", "\uFEFF", "e\u0301", "\r\n");

	/**
	 * Cursors as the API writes them (cursor:v1:position), with positions it never gives
	 * out.
	 */
	private static final List<String> CURSORS = Stream
		.of("cursor:v1:2147483647", "cursor:v1:2147483646", "cursor:v1:-1", "cursor:v1:-2147483648",
				"cursor:v1:99999999999999999999", "cursor:v1:", "cursor:v1:x", "cursor:v2:1", "cursor:v1:1e3",
				"cursor:v1:0", "cursor:v1:１")
		.map((text) -> Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)))
		.collect(Collectors.toCollection(ArrayList::new));

	private static final List<String> TOKENS = List.of("{", "}", "(", ")", "[", "]", ":", "...", "$", "@", "!", "=",
			"|", "&", "#", "\"", "\"\"\"", ",", "null", "true", "on", "fragment", "query", "mutation", "subscription",
			"__typename", "@include(if: \"yes\")", "@skip(if: true)", "@nope", "...on Cluster { name }", "first: -5",
			"first: 100000", "after: 1", "$undeclared");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void answersGeneratedAndMutatedDocumentsWithoutServerErrors() throws IOException {
		Random random = new Random(SEED);
		List<String> documents = new ArrayList<>(QUERIES);
		documents.addAll(readmeExamples());
		List<String> failures = new ArrayList<>();
		// Every edge value once, where the API reads it.
		List<String> edges = new ArrayList<>();
		CURSORS
			.forEach((cursor) -> edges.add("{ clusters(first: 2, after: \"" + cursor + "\") { edges { cursor } } }"));
		STRINGS.forEach((text) -> edges.add("{ search(text: \"" + text + "\") { score node { id } } }"));
		NUMBERS.forEach((number) -> edges.add("{ clusters(first: " + number + ") { totalCount } regions(first: "
				+ number + ") { totalCount } program(key: \"hubei\") { listings(year: " + number
				+ ", first: 1) { totalCount } } }"));
		List<String> bodies = new ArrayList<>(
				edges.stream().map((edge) -> "{\"query\":" + jsonString(edge) + "}").toList());
		for (String field : List.of("search(text: $t) { score }",
				"clusters(first: 2, filter: { nameContains: $t }) { totalCount }",
				"regions(first: 2, filter: { nameContains: $t }) { totalCount }",
				"industries(first: 2, filter: { nameContains: $t }) { totalCount }")) {
			STRINGS.forEach((text) -> bodies.add("{\"query\":\"query($t: String!) { " + field
					+ " }\",\"variables\":{\"t\":" + jsonString(text) + "}}"));
		}
		for (int i = 0; i < bodies.size(); i++) {
			String body = bodies.get(i);
			check(failures, "edge case " + i, body, post(body, "application/json", null));
		}
		for (int i = 0; i < DOCUMENTS; i++) {
			String document = documents.get(random.nextInt(documents.size()));
			int mutations = (i < documents.size()) ? 0 : List.of(1, 1, 1, 1, 1, 1, 2, 2, 2, 3).get(random.nextInt(10));
			StringBuilder how = new StringBuilder();
			for (int m = 0; m < mutations; m++) {
				Mutation mutation = Mutation.WEIGHTED.get(random.nextInt(Mutation.WEIGHTED.size()));
				how.append(mutation).append(' ');
				document = mutation.apply(document, random);
			}
			String body = "{\"query\":" + jsonString(document) + ",\"variables\":" + variables(random) + "}";
			check(failures, "document " + i + " (" + how.toString().trim() + ")", body,
					post(body, "application/json", null));
		}
		assertThat(failures).as("seed " + SEED).isEmpty();
	}

	@Test
	void answersRequestsThatAreWrongAtTheHttpLevelWithA4xx() {
		String query = "{\"query\":\"{ dataset { listingCount } }\"}";
		Map<String, HttpRequest.Builder> cases = new LinkedHashMap<>();
		for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")) {
			cases.put(method + " /graphql", request("/graphql").header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : query)));
		}
		cases.put("GET /graphql?query=",
				request("/graphql?query=%7B%20dataset%20%7B%20listingCount%20%7D%20%7D").GET());
		for (String type : List.of("*/*", "application/*", "text/plain", "text/*", "application/graphql",
				"application/x-www-form-urlencoded", "multipart/form-data", "application/json, text/plain",
				"application/json; charset=bogus", "application/json; charset=utf-16", "application/json;;;",
				"application/json; charset=\"utf-8", "json", "application/xml")) {
			cases.put("Content-Type " + type,
					request("/graphql").header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(query)));
		}
		cases.put("no Content-Type", request("/graphql").POST(HttpRequest.BodyPublishers.ofString(query)));
		List<String> bodies = List.of("null", "[]", "[" + query + "]", "\"{ dataset { listingCount } }\"", "123",
				"true", "{}", "{\"query\":null}", "{\"query\":123}", "{\"query\":[\"{ __typename }\"]}",
				"{\"query\":{}}", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}",
				"{\"query\":\"{ __typename }\",\"variables\":[1]}",
				"{\"query\":\"{ __typename }\",\"variables\":\"{}\"}",
				"{\"query\":\"{ __typename }\",\"operationName\":5}",
				"{\"query\":\"{ __typename }\",\"operationName\":\"Nope\"}",
				"{\"query\":\"{ __typename }\",\"extensions\":[]}",
				"{\"query\":\"{ __typename }\",\"extensions\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
				"{\"query\":\"{ __typename }\",\"query\":\"{ dataset { listingCount } }\"}",
				"{\"query\":\"{ __typename }\"} trailing", "{ dataset { listingCount } }", "",
				"{\"query\":\"{ __typename }\",\"variables\":{\"x\":1e999999}}",
				"{\"query\":\"{ __typename }\",\"variables\":{\"x\":" + "9".repeat(5000) + "}}",
				"{\"query\":\"" + "{".repeat(20000) + "\"}", "{\"query\":\"\\uD800\"}", "{\"query\":\"\u0000\"}");
		for (int i = 0; i < bodies.size(); i++) {
			cases.put("body " + i + ": " + abbreviate(bodies.get(i)),
					request("/graphql").header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(bodies.get(i), StandardCharsets.UTF_8)));
		}
		byte[] utf8 = query.getBytes(StandardCharsets.UTF_8);
		cases.put("bytes: invalid UTF-8",
				bytes(new byte[] { '{', '"', 'q', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"', '}' },
						"application/json"));
		cases.put("bytes: UTF-8 BOM",
				bytes(concat(new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf }, utf8), "application/json"));
		cases.put("bytes: UTF-16", bytes(query.getBytes(StandardCharsets.UTF_16), "application/json"));
		cases.put("bytes: UTF-16 declared as latin-1",
				bytes(query.getBytes(StandardCharsets.UTF_16LE), "application/json; charset=ISO-8859-1"));
		cases.put("bytes: NUL", bytes(new byte[] { 0, 0, 0, 0 }, "application/json"));
		String huge = "{\"query\":\"{ __typename }\",\"x\":\"" + "x".repeat(300_000) + "\"}";
		cases.put("huge body", request("/graphql").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(huge)));
		cases.put("huge chunked body",
				request("/graphql").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));
		for (String accept : List.of("text/html", "application/graphql-response+json", "bogus", "application/xml",
				"*/*;q=x")) {
			cases.put("Accept " + accept,
					request("/graphql").header("Content-Type", "application/json")
						.header("Accept", accept)
						.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ nope }\"}")));
		}
		for (String path : List.of("/graphql/", "/graphql/x", "/GRAPHQL", "/graphql;jsessionid=1", "/error",
				"/error?status=500", "/actuator/env", "/actuator/heapdump", "/actuator/metrics/nope",
				"/actuator/health/nope", "/explorer/../application.properties", "/webjars/%2e%2e/%2e%2e/etc/passwd",
				"/%00", "/graphiql/x")) {
			cases.put("POST " + path, request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(query)));
		}
		List<String> failures = new ArrayList<>();
		cases.forEach((name, request) -> {
			HttpResponse<String> response;
			try {
				response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException | InterruptedException ex) {
				failures.add(name + ": no answer (" + ex + ")");
				return;
			}
			check(failures, name, name, response);
		});
		assertThat(failures).isEmpty();
	}

	/**
	 * Adds what is wrong with the answer to failures: a 5xx, a leaked class name or stack
	 * trace, an internal error, or a 2xx that is not a GraphQL response.
	 */
	private void check(List<String> failures, String name, String request, HttpResponse<String> response) {
		if (response == null) {
			failures.add(name + ": no answer to " + abbreviate(request));
			return;
		}
		String body = response.body();
		String problem = null;
		Matcher leak = LEAK.matcher(body);
		if (response.statusCode() >= 500) {
			problem = "HTTP " + response.statusCode();
		}
		else if (leak.find()) {
			problem = "leaks \"" + leak.group() + "\"";
		}
		else if (response.statusCode() < 300 && !response.request().method().equals("HEAD")) {
			problem = graphQlProblem(body);
		}
		if (problem != null) {
			failures.add(name + ": " + problem + "\n    request: " + abbreviate(request) + "\n    answer: "
					+ abbreviate(body));
		}
	}

	private @Nullable String graphQlProblem(String body) {
		JsonNode answer;
		try {
			answer = this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			return "a 2xx that is not JSON";
		}
		if (!answer.isObject() || !(answer.has("data") || answer.has("errors"))) {
			return "a 2xx that is not a GraphQL response";
		}
		for (JsonNode error : answer.path("errors")) {
			if (!error.path("message").isString()) {
				return "an error without a message";
			}
			if ("INTERNAL_ERROR".equals(error.path("extensions").path("classification").asString(""))) {
				return "INTERNAL_ERROR";
			}
		}
		return null;
	}

	/** Mutations of a document's text. */
	private enum Mutation {

		TRUNCATE((text, random) -> text.substring(0, random.nextInt(text.length() + 1))),

		DUPLICATE((text, random) -> {
			int from = random.nextInt(text.length());
			int to = from + random.nextInt(text.length() - from + 1);
			return text.substring(0, to) + text.substring(from, to) + text.substring(to);
		}),

		SWAP_TOKENS((text, random) -> {
			List<String> tokens = tokens(text);
			if (tokens.size() > 1) {
				int a = random.nextInt(tokens.size());
				int b = random.nextInt(tokens.size());
				String t = tokens.get(a);
				tokens.set(a, tokens.get(b));
				tokens.set(b, t);
			}
			return String.join(" ", tokens);
		}),

		DELETE_TOKEN((text, random) -> {
			List<String> tokens = tokens(text);
			tokens.remove(random.nextInt(tokens.size()));
			return String.join(" ", tokens);
		}),

		INSERT_TOKEN((text, random) -> {
			List<String> tokens = tokens(text);
			tokens.add(random.nextInt(tokens.size() + 1), TOKENS.get(random.nextInt(TOKENS.size())));
			return String.join(" ", tokens);
		}),

		NUMBER((text, random) -> replaceOne(text, "(?<![\\w\"])-?\\d+(?![\\w\"])", random,
				() -> NUMBERS.get(random.nextInt(NUMBERS.size())))),

		STRING((text, random) -> replaceOne(text, "\"[^\"]*\"", random,
				() -> "\"" + STRINGS.get(random.nextInt(STRINGS.size())) + "\"")),

		WRONG_TYPE((text, random) -> replaceOne(text, "(?<=: )(\"[^\"]*\"|-?\\d+|true|false|[A-Z]+)", random,
				() -> List.of("1", "\"1\"", "1.5", "true", "null", "[1]", "[\"x\"]", "{ a: 1 }", "PREFECTURE", "$v")
					.get(random.nextInt(10)))),

		FIRST((text,
				random) -> text.replaceFirst("\\{ ", "{ "
						+ List
							.of("clusters(first: ", "search(text: \"茶\", first: ", "regions(first: ",
									"industries(first: ", "crossListedClusters(first: ")
							.get(random.nextInt(5))
						+ NUMBERS.get(random.nextInt(NUMBERS.size())) + ") { __typename } ")),

		DEEP((text, random) -> {
			int depth = 5 + random.nextInt(60);
			return "{ region(code: \"429004\") " + "{ parent ".repeat(depth) + "{ code }" + " }".repeat(depth) + " }";
		}),

		BRACES((text, random) -> {
			int depth = 1 + random.nextInt(3000);
			return "{".repeat(depth) + text + "}".repeat(random.nextInt(depth + 1));
		}),

		ALIASES((text, random) -> {
			int count = 1 + random.nextInt(120);
			StringBuilder aliases = new StringBuilder("{ ");
			for (int i = 0; i < count; i++) {
				aliases.append("a").append(i).append(": programs { key } ");
			}
			return aliases.append('}').toString();
		}),

		CURSOR((text, random) -> {
			String cursor = CURSORS.get(random.nextInt(CURSORS.size()));
			String replaced = replaceOne(text, "(?<=after: )\"[^\"]*\"", random, () -> "\"" + cursor + "\"");
			return replaced.equals(text) ? text.replaceFirst("first: (\\d+)", "first: $1, after: \"" + cursor + "\"")
					: replaced;
		}),

		SEARCH((text, random) -> "{ search(text: \"" + STRINGS.get(random.nextInt(STRINGS.size())) + "\", first: "
				+ List.of("1", "20", "100", "101", "0", "-1").get(random.nextInt(6)) + ") { score node { id } } }"),

		UNICODE((text, random) -> {
			int at = random.nextInt(text.length() + 1);
			return text.substring(0, at) + STRINGS.get(random.nextInt(STRINGS.size())) + text.substring(at);
		});

		/**
		 * The mutations, those that keep a document readable more often than those that
		 * break its syntax.
		 */
		static final List<Mutation> WEIGHTED = List.of(TRUNCATE, DUPLICATE, SWAP_TOKENS, DELETE_TOKEN, INSERT_TOKEN,
				BRACES, UNICODE, DEEP, ALIASES, NUMBER, NUMBER, NUMBER, STRING, STRING, STRING, STRING, WRONG_TYPE,
				WRONG_TYPE, FIRST, FIRST, CURSOR, CURSOR, SEARCH, SEARCH);

		private final BiFunction<String, Random, String> mutate;

		Mutation(BiFunction<String, Random, String> mutate) {
			this.mutate = mutate;
		}

		String apply(String text, Random random) {
			return this.mutate.apply(text.isEmpty() ? "{" : text, random);
		}

		private static List<String> tokens(String text) {
			List<String> tokens = new ArrayList<>(List.of(text.split("(?<=[{}():,\\s])|(?=[{}():,\\s])")));
			tokens.removeIf(String::isBlank);
			if (tokens.isEmpty()) {
				tokens.add("{");
			}
			return tokens;
		}

		private static String replaceOne(String text, String regex, Random random, Supplier<String> replacement) {
			Matcher matcher = Pattern.compile(regex).matcher(text);
			List<int[]> found = new ArrayList<>();
			while (matcher.find()) {
				found.add(new int[] { matcher.start(), matcher.end() });
			}
			if (found.isEmpty()) {
				return text;
			}
			int[] pick = found.get(random.nextInt(found.size()));
			return text.substring(0, pick[0]) + replacement.get() + text.substring(pick[1]);
		}

	}

	/** Variables as JSON: mostly fitting the queries that declare some, often wrong. */
	private static String variables(Random random) {
		List<UnaryOperator<String>> values = List.of((v) -> "3", (v) -> "-3", (v) -> "2147483648", (v) -> "1e400",
				(v) -> "\"茶\"", (v) -> "\"\\ud800\"", (v) -> "null", (v) -> "[1,2]", (v) -> "{\"a\":{}}", (v) -> "true",
				(v) -> jsonString(STRINGS.get(random.nextInt(STRINGS.size()))), (v) -> "\"Cluster:f22e831ce54e\"");
		return switch (random.nextInt(4)) {
			case 0 -> "{}";
			case 1 -> "null";
			default -> {
				StringBuilder json = new StringBuilder("{");
				List<String> names = List.of("first", "after", "text", "id", "v", "extra");
				for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
					json.append(i > 0 ? "," : "")
						.append('"')
						.append(names.get(random.nextInt(names.size())))
						.append("\":")
						.append(values.get(random.nextInt(values.size())).apply(""));
				}
				yield json.append('}').toString();
			}
		};
	}

	private static List<String> readmeExamples() throws IOException {
		List<String> examples = new ArrayList<>();
		Matcher matcher = README_EXAMPLE.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
		while (matcher.find()) {
			String example = matcher.group(1);
			if (!example.contains("shortestPath") && !example.contains("neighborhood")) {
				examples.add(example);
			}
		}
		return examples;
	}

	/**
	 * A JSON string literal that escapes everything but printable ASCII, lone surrogates
	 * too.
	 */
	private static String jsonString(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	private HttpResponse<String> post(String body, String contentType, String accept) {
		HttpRequest.Builder request = request("/graphql").header("Content-Type", contentType)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException ex) {
			return null;
		}
	}

	private HttpRequest.Builder bytes(byte[] body, String contentType) {
		return request("/graphql").header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static String abbreviate(String text) {
		String oneLine = text.replace("\n", "\\n");
		return (oneLine.length() > 300) ? oneLine.substring(0, 300) + "… (" + oneLine.length() + " chars)" : oneLine;
	}

}
