package org.clustergraph.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends GraphQL requests to the running service over real HTTP, as a client does, and
 * reads the answer, which must never be a server error.
 */
final class GraphQlOverHttp {

	/**
	 * Writes every character outside ASCII as a JSON escape, so that half of a surrogate
	 * pair reaches the service as a client would send it, not as the encoder's '?'.
	 */
	private static final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI endpoint;

	GraphQlOverHttp(int port) {
		this.endpoint = URI.create("http://localhost:" + port + "/graphql");
	}

	JsonNode post(String query) {
		return post(query, Map.of());
	}

	JsonNode post(String query, Map<String, Object> variables) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.endpoint)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						json.writeValueAsString(Map.of("query", query, "variables", variables)),
						StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(response.body()).isLessThan(500);
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
