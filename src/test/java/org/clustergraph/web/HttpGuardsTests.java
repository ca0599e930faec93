package org.clustergraph.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the HTTP layer refuses before GraphQL runs, over real HTTP: every refusal is a 4xx
 * with a small JSON body saying what was wrong, never a 500, an HTML page or a stack
 * trace; and what it lets through is answered as before.
 */
@GraphTest
class HttpGuardsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String QUERY = "{\"query\":\"{ dataset { listingCount } }\"}";

	@LocalServerPort
	int port;

	@Autowired
	HttpProperties limits;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersABodyOfNullOrAnythingButAnObjectWith400AndAGraphQlError() throws Exception {
		for (String accept : List.of("application/json", "application/graphql-response+json")) {
			for (String body : List.of("null", " null\n", "[]", "[" + QUERY + "]", "1", "\"{ __typename }\"", "true",
					"", "{", "{\"query\":", "nul", "{} {")) {
				HttpResponse<String> response = send(post(body).header("Accept", accept));
				assertRefused(response, 400, body.isBlank() ? "empty" : (body.strip().equals("null") ? "null" : ""));
			}
		}
		assertRefused(send(post("null")), 400, "not a JSON object");
		// Spring routes these to the GraphQL handler too.
		for (String path : List.of("/graphql;x=1", "/%67raphql", "/graphql;jsessionid=1")) {
			assertRefused(send(request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("null"))), 400, "null");
		}
	}

	@Test
	void answersAnObjectThatIsNoGraphQlRequestWith400SayingWhatIsWrong() throws Exception {
		assertRefused(send(post("{}")), 400, "no query");
		assertRefused(send(post("{\"variables\":{}}")), 400, "no query");
		assertRefused(send(post("{\"query\":null}")), 400, "query is null");
		assertRefused(send(post("{\"query\":{\"a\":1}}")), 400, "query is a JSON object");
		assertRefused(send(post("{\"query\":\"{ __typename }\",\"variables\":[1]}")), 400, "variables is a JSON array");
		assertRefused(send(post("{\"query\":\"{ __typename }\",\"variables\":\"x\"}")), 400,
				"variables is a JSON string");
		assertRefused(send(post("{\"query\":\"{ __typename }\",\"operationName\":1}")), 400, "operationName");
		assertRefused(send(post("{\"query\":\"{ __typename }\",\"extensions\":true}")), 400, "extensions");
		assertRefused(send(post("{\"query\":\"{ __typename }\"} {\"query\":\"{ __typename }\"}")), 400,
				"goes on after");
		// Valid JSON nested deeper than the parser reads is no syntax error.
		assertRefused(send(post("{\"query\":\"{ __typename }\",\"extensions\":" + "{\"a\":".repeat(2000) + "1"
				+ "}".repeat(2000) + "}")), 400, "nests its JSON deeper");
		// What a client may leave out or send as null stays fine.
		assertAnswered(send(post(
				"{\"query\":\"{ __typename }\",\"variables\":null,\"operationName\":null," + "\"extensions\":null}")));
	}

	@Test
	void answersContentTypesWithWildcardsWith415OnEveryPath() throws Exception {
		for (String type : List.of("*/*", "application/*", "text/*", "application/*+json", "text/*; charset=utf-8")) {
			assertRefused(send(post(QUERY).setHeader("Content-Type", type)), 415, "application/json");
			assertRefused(send(request("/").setHeader("Content-Type", type).GET()), 415, "");
			assertRefused(send(request("/actuator/health").setHeader("Content-Type", type).GET()), 415, "");
		}
	}

	@Test
	void answersEveryOtherContentTypeButJsonWith415AndAJsonBody() throws Exception {
		for (String type : List.of("text/plain", "application/graphql", "application/graphql+json",
				"application/graphql-response+json", "*/json", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "foo", "application/", "application/json; charset=bogus",
				"application/json; charset=\"", "application/xml", ";;;")) {
			assertRefused(send(post(QUERY).setHeader("Content-Type", type)), 415, "");
		}
		assertRefused(send(request("/graphql").POST(HttpRequest.BodyPublishers.ofString(QUERY))), 415,
				"no Content-Type");
		// application/json is read, in UTF-8 or in the charset it names.
		for (String type : List.of("application/json", "application/json; charset=utf-8",
				"application/json; charset=ISO-8859-1")) {
			HttpResponse<String> response = send(post(QUERY).setHeader("Content-Type", type));
			assertThat(response.statusCode()).as(type).isEqualTo(200);
			assertThat(json.readTree(response.body()).at("/data/dataset/listingCount").asInt()).isPositive();
		}
	}

	@Test
	void answersTheErrorPageAskedForDirectlyWith404() throws Exception {
		for (String path : List.of("/error", "/error/", "/error/x", "/error;x=1", "/%65rror")) {
			for (String accept : List.of("application/json", "*/*")) {
				HttpResponse<String> response = send(request(path).header("Accept", accept).GET());
				assertThat(response.statusCode()).as(path).isEqualTo(404);
				assertThat(response.body()).doesNotContain("\"status\":999", "Exception");
			}
			assertThat(send(request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(QUERY))).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void answersABodyOverTheLimitWith413WithOrWithoutContentLength() throws Exception {
		long max = this.limits.maxBodySize().toBytes();
		String padding = " ".repeat((int) max - QUERY.length());
		// At the limit, the query is answered.
		HttpResponse<String> fits = send(post(padding + QUERY));
		assertThat(fits.statusCode()).isEqualTo(200);
		assertThat(json.readTree(fits.body()).at("/data/dataset/listingCount").asInt()).isPositive();
		// One byte more is refused, whether the length is announced or the body is
		// chunked.
		String over = padding + " " + QUERY;
		assertRefused(send(post(over)), 413, (max / 1024) + " KB");
		HttpResponse<String> chunked = send(request("/graphql").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(over.getBytes(StandardCharsets.UTF_8)))));
		assertRefused(chunked, 413, (max / 1024) + " KB");
		// The 10 MB body and the list of a million variables the issue reported.
		assertRefused(send(post("{\"query\":\"{ __typename }\",\"x\":\"" + "x".repeat(10 << 20) + "\"}")), 413, "");
		assertRefused(send(post(variables("ids", list(1_000_000)))), 413, "");
	}

	@Test
	void answersVariablesWithTooManyValuesOrTooDeepWith400NamingTheVariable() throws Exception {
		int values = this.limits.maxVariableValues();
		assertAnswered(send(post(variables("ids", list(values)))));
		assertRefused(send(post(variables("ids", list(values + 1)))), 400, "$ids");
		// Counted across variables and levels.
		String split = "{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + list(values / 2) + ",\"b\":{\"c\":"
				+ list(values / 2) + "}}}";
		assertRefused(send(post(split)), 400, "$b");
		// A variable that is a single value counts too.
		StringBuilder scalars = new StringBuilder("{\"query\":\"{ __typename }\",\"variables\":{");
		for (int i = 0; i <= values; i++) {
			scalars.append(i > 0 ? "," : "").append("\"v").append(i).append("\":1");
		}
		assertRefused(send(post(scalars.append("}}").toString())), 400, "$v" + values);
		int depth = this.limits.maxVariableDepth();
		assertAnswered(send(post(variables("deep", "[".repeat(depth) + "1" + "]".repeat(depth)))));
		assertRefused(send(post(variables("deep", "[".repeat(depth + 1) + "1" + "]".repeat(depth + 1)))), 400, "$deep");
		assertRefused(send(post(variables("deep", "{\"a\":".repeat(depth + 1) + "1" + "}".repeat(depth + 1)))), 400,
				"$deep");
	}

	@Test
	void putsTheBrowsersProtectionsOnPagesApiAnswersAndRefusals() throws Exception {
		List<HttpResponse<String>> responses = List.of(send(request("/").GET()), send(request("/graphiql").GET()),
				send(request("/explorer/explorer.js").GET()), send(request("/graphiql/graphiql.js").GET()),
				send(post(QUERY)), send(post("null")), send(post(QUERY).setHeader("Content-Type", "*/*")),
				send(request("/nope").GET()), send(request("/actuator/health").GET()));
		for (HttpResponse<String> response : responses) {
			String what = response.request().uri() + " " + response.statusCode();
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
				.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'",
						"object-src 'none'", "default-src 'self'"));
		}
	}

	@Test
	void pagesRunNoInlineScript() throws Exception {
		for (String page : List.of("/", "/graphiql")) {
			String html = send(request(page).GET()).body();
			assertThat(html).contains("<script src=").doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
			assertThat(html).doesNotContainPattern("\\son[a-z]+=");
			assertThat(html).doesNotContain("<style");
		}
	}

	private static String variables(String name, String value) {
		return "{\"query\":\"{ __typename }\",\"variables\":{\"" + name + "\":" + value + "}}";
	}

	private static String list(int size) {
		StringBuilder list = new StringBuilder(size * 2 + 2).append('[');
		for (int i = 0; i < size; i++) {
			list.append(i > 0 ? ",1" : "1");
		}
		return list.append(']').toString();
	}

	private static void assertAnswered(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("errors").isMissingNode()).as(response.body()).isTrue();
		assertThat(body.at("/data/__typename").asString()).isEqualTo("Query");
	}

	private static void assertRefused(HttpResponse<String> response, int status, String message) {
		String what = response.request().method() + " " + response.request().uri() + " "
				+ response.request().headers().firstValue("Content-Type").orElse("") + " -> " + response.body();
		assertThat(response.statusCode()).as(what).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
		JsonNode body = json.readTree(response.body());
		assertThat(body.size()).as(what).isEqualTo(1);
		assertThat(body.path("errors")).as(what).hasSize(1);
		assertThat(body.at("/errors/0/message").asString()).as(what).isNotBlank().contains(message);
		assertThat(response.body()).as(what).doesNotContain("Exception", "java.", "org.springframework");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpRequest.Builder post(String body) {
		return request("/graphql").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
