package org.clustergraph.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL at {@code /graphiql} works on a machine without internet: the page and every
 * script and style sheet it names come from the service itself, and it talks to
 * {@code /graphql}.
 */
@GraphTest
class GraphiqlPageTests {

	private static final Pattern ASSET = Pattern.compile("<(?:script|link)[^>]*(?:src|href)=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesGraphiqlAndEveryAssetItNamesFromTheServiceItself() throws Exception {
		for (String path : List.of("/graphiql", "/graphiql/")) {
			HttpResponse<String> page = get(path);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			String html = page.body();
			assertThat(html).doesNotContainPattern("https?://");
			List<String> assets = new ArrayList<>();
			Matcher matcher = ASSET.matcher(html);
			while (matcher.find()) {
				assets.add(matcher.group(1));
			}
			// GraphiQL's own style sheet and three scripts from WebJars, and the page's
			// own
			// style sheet and script, which start GraphiQL on /graphql.
			assertThat(assets).hasSize(6)
				.filteredOn((asset) -> asset.startsWith("/webjars/"))
				.hasSize(4)
				.allSatisfy((asset) -> assertThat(get(asset).body()).as(asset).hasSizeGreaterThan(10_000));
			assertThat(assets).contains("/graphiql/graphiql.css", "/graphiql/graphiql.js");
			for (String asset : assets) {
				HttpResponse<String> response = get(asset);
				assertThat(response.statusCode()).as(asset).isEqualTo(200);
				assertThat(response.headers().firstValue("Content-Type").orElse("")).as(asset)
					.containsAnyOf("javascript", "text/css");
			}
			assertThat(get("/graphiql/graphiql.js").body()).doesNotContainPattern("https?://")
				.contains("'/graphql'")
				.contains("defaultQuery");
		}
	}

	@Test
	void leavesSpringBootsCdnPageOut() throws Exception {
		String html = get("/graphiql").body();
		assertThat(html).doesNotContain("esm.sh", "unpkg", "jsdelivr");
	}

	private HttpResponse<String> get(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
