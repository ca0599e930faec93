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
			assertThat(html).doesNotContainPattern("https?://").contains("'/graphql'").contains("defaultQuery");
			List<String> assets = new ArrayList<>();
			Matcher matcher = ASSET.matcher(html);
			while (matcher.find()) {
				assets.add(matcher.group(1));
			}
			assertThat(assets).hasSize(4).allSatisfy((asset) -> assertThat(asset).startsWith("/webjars/"));
			for (String asset : assets) {
				HttpResponse<String> response = get(asset);
				assertThat(response.statusCode()).as(asset).isEqualTo(200);
				assertThat(response.headers().firstValue("Content-Type").orElse("")).as(asset)
					.containsAnyOf("javascript", "text/css");
				assertThat(response.body()).as(asset).hasSizeGreaterThan(10_000);
			}
		}
	}

	@Test
	void leavesSpringBootsCdnPageOut() throws Exception {
		String html = get("/graphiql").body();
		assertThat(html).doesNotContain("esm.sh", "unpkg", "jsdelivr");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
