package org.clustergraph.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.clustergraph.ClusterGraphApplication;
import org.clustergraph.neo4j.EmbeddedNeo4j;
import org.clustergraph.neo4j.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on a database of its own, as on an external server, which is stopped while
 * clients keep sending requests and then started again: meanwhile every request gets a
 * GraphQL answer that says the database is unavailable, readiness is DOWN, and once the
 * database is back the answers are right again without a restart of the service.
 */
class DatabaseOutageTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PASSWORD = "outage-test-password";

	private static final String QUERY = "{ programs { key } dataset { listingCount } }";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path store;

	@Test
	void answersUnavailableWhileTheDatabaseIsStoppedAndRecoversWhenItReturns() throws Exception {
		EmbeddedNeo4j database = EmbeddedNeo4j.start(properties(0));
		int boltPort = URI.create(database.boltUri()).getPort();
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ClusterGraphApplication.class).run(
				"--spring.neo4j.uri=" + database.boltUri(), "--spring.neo4j.authentication.password=" + PASSWORD,
				"--server.port=0", "--clustergraph.load.report-file=" + this.store.resolve("report.txt"))) {
			int port = ((WebServerApplicationContext) service).getWebServer().getPort();
			HttpResponse<String> before = post(port);
			assertThat(before.statusCode()).isEqualTo(200);
			JsonNode answer = json.readTree(before.body());
			assertThat(answer.path("errors").isMissingNode()).as(before.body()).isTrue();
			assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);

			// Clients keep sending while the database goes away.
			AtomicBoolean running = new AtomicBoolean(true);
			ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			for (int i = 0; i < 4; i++) {
				clients.submit(() -> {
					while (running.get()) {
						try {
							HttpResponse<String> response = post(port);
							if (response.statusCode() != 200 || response.body().isBlank()
									|| !response.body().startsWith("{")) {
								unexpected.add(response.statusCode() + " " + response.body());
							}
						}
						catch (Exception ex) {
							unexpected.add(ex.toString());
						}
					}
					return null;
				});
			}
			Thread.sleep(500);
			database.close();
			try {
				Thread.sleep(1000);
				List<Long> millis = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					long started = System.nanoTime();
					HttpResponse<String> response = post(port);
					millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
					assertThat(response.statusCode()).isEqualTo(200);
					JsonNode down = json.readTree(response.body());
					assertThat(down.path("errors")).as(response.body()).isNotEmpty();
					for (JsonNode error : down.path("errors")) {
						assertThat(error.path("extensions").path("classification").asString()).isEqualTo("UNAVAILABLE");
						assertThat(error.path("message").asString()).contains("database is unavailable");
					}
				}
				assertThat(millis).allSatisfy((ms) -> assertThat(ms).isLessThan(1000));
				HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
				assertThat(readiness.statusCode()).isEqualTo(503);
				assertThat(readiness.body()).contains("DOWN");
				assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
			}
			finally {
				database = EmbeddedNeo4j.start(properties(boltPort));
			}

			// Back: the same answer as before, without restarting the service.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			JsonNode again = null;
			while (System.nanoTime() < deadline) {
				HttpResponse<String> response = post(port);
				again = json.readTree(response.body());
				if (again.path("errors").isMissingNode()) {
					break;
				}
				Thread.sleep(200);
			}
			running.set(false);
			clients.shutdown();
			assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			assertThat(again).isNotNull();
			assertThat(again.path("errors").isMissingNode()).as(again.toString()).isTrue();
			assertThat(again.path("data")).isEqualTo(answer.path("data"));
			assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(unexpected).isEmpty();
		}
		finally {
			database.close();
		}
	}

	private EmbeddedNeo4jProperties properties(int boltPort) {
		return new EmbeddedNeo4jProperties(this.store.resolve("neo4j"), "127.0.0.1", boltPort, PASSWORD, "16m",
				Duration.ofSeconds(30), "40%");
	}

	private HttpResponse<String> post(int port) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("query", QUERY)),
					StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
