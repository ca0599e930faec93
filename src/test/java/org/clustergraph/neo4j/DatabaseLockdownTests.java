package org.clustergraph.neo4j;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;

import org.clustergraph.GraphTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nobody but the service writes the graph or reaches the host through the embedded
 * database: each attack is made as another local user would make it, with a driver of its
 * own on the embedded Bolt connector of the running application, and fails; the file and
 * URL attacks fail even with the password the operator holds. The API, its full-text
 * search included, still answers.
 */
@GraphTest
class DatabaseLockdownTests {

	private static final String CLUSTER = "f22e831ce54e";

	private static final String CLUSTER_NAME = "query($id: ID!) { cluster(id: $id) { name } }";

	@Autowired
	EmbeddedNeo4jLauncher embedded;

	@Autowired
	GraphQlTester graphQl;

	private HttpServer web;

	private final AtomicInteger requests = new AtomicInteger();

	@BeforeEach
	void startAWebServerTheDatabaseMustNotCall() throws Exception {
		this.web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.web.createContext("/", (exchange) -> {
			this.requests.incrementAndGet();
			byte[] body = "name\nfetched\n".getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.web.start();
	}

	@AfterEach
	void stopTheWebServer() {
		this.web.stop(0);
	}

	@Test
	void refusesClientsWithoutThePasswordSoTheyCannotChangeWhatTheApiServes() {
		String name = clusterName();
		String write = "MATCH (c:Cluster {key: '" + CLUSTER + "'}) SET c.name = 'X' RETURN c.name";
		// Two wrong attempts at most: a third in a row would lock the user for a few
		// seconds (dbms.security.auth_max_failed_attempts).
		for (AuthToken auth : List.of(AuthTokens.none(), AuthTokens.basic("neo4j", "wrong-password"))) {
			try (Driver attacker = GraphDatabase.driver(this.embedded.boltUri(), auth)) {
				assertThatThrownBy(() -> attacker.executableQuery(write).execute())
					.isInstanceOf(AuthenticationException.class);
			}
		}
		assertThat(clusterName()).isEqualTo(name).isNotEqualTo("X");
	}

	@Test
	void readsNoFileOfTheHostEvenWithThePassword() {
		try (Driver operator = GraphDatabase.driver(this.embedded.boltUri(), this.embedded.authToken())) {
			for (String url : List.of("file:///etc/passwd", "file:///proc/self/environ", "file:/etc/hostname")) {
				assertThatThrownBy(
						() -> operator.executableQuery("LOAD CSV FROM '" + url + "' AS r RETURN r LIMIT 2").execute())
					.as(url)
					.isInstanceOf(ClientException.class)
					.hasMessageContaining("allow_csv_import_from_file_urls");
			}
		}
	}

	@Test
	void fetchesNoUrlEvenWithThePassword() {
		int port = this.web.getAddress().getPort();
		try (Driver operator = GraphDatabase.driver(this.embedded.boltUri(), this.embedded.authToken())) {
			for (String url : List.of("http://127.0.0.1:" + port + "/x", "http://localhost:" + port + "/x",
					"https://127.0.0.1:" + port + "/x", "ftp://127.0.0.1:" + port + "/x")) {
				assertThatThrownBy(
						() -> operator.executableQuery("LOAD CSV FROM '" + url + "' AS r RETURN r LIMIT 2").execute())
					.as(url)
					.isInstanceOf(ClientException.class)
					.hasMessageContaining("blocked");
			}
		}
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void stillServesTheApiAndItsFullTextSearch() {
		this.graphQl.document("{ dataset { listingCount } }")
			.execute()
			.path("dataset.listingCount")
			.entity(Integer.class)
			.isEqualTo(638);
		List<String> found = this.graphQl.document("{ search(text: \"数控机床\", first: 5) { node { id } } }")
			.execute()
			.path("search[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(found).isNotEmpty();
	}

	private String clusterName() {
		return this.graphQl.document(CLUSTER_NAME)
			.variable("id", "Cluster:" + CLUSTER)
			.execute()
			.path("cluster.name")
			.entity(String.class)
			.get();
	}

}
