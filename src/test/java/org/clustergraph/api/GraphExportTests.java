package org.clustergraph.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A neighbourhood downloaded as GraphML and as Cytoscape JSON holds exactly the nodes and
 * edges the GraphQL {@code neighborhood} answers, and bad arguments get the same
 * refusals; a filtered download holds the clusters {@code clusters(filter)} selects and
 * what they link to.
 */
@GraphTest
class GraphExportTests {

	private static final String START = "Program:most-cultivation";

	@LocalServerPort
	int port;

	@Autowired
	GraphQlTester graphQl;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void writesTheNeighbourhoodAsGraphmlThatAnXmlParserReads() throws Exception {
		HttpResponse<String> response = get("/export/neighborhood.graphml?id=" + encode(START) + "&depth=2&limit=300");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/graphml+xml"));
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("attachment").contains(".graphml"));
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document xml = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://graphml.graphdrawing.org/xmlns");
		assertThat(ids(xml.getElementsByTagName("node"))).isEqualTo(graphQlIds("nodes"));
		assertThat(ids(xml.getElementsByTagName("edge"))).isEqualTo(graphQlIds("edges")).isNotEmpty();
		assertThat(response.body()).contains("<data key=\"name\">创新型产业集群培育</data>");
	}

	@Test
	void writesTheNeighbourhoodAsCytoscapeJson() throws Exception {
		HttpResponse<String> response = get("/export/neighborhood.cyjs?id=" + encode(START) + "&depth=2&limit=300");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = JsonMapper.builder().build().readTree(response.body());
		Set<String> nodes = new TreeSet<>();
		document.at("/elements/nodes").forEach((n) -> nodes.add(n.at("/data/id").asString()));
		Set<String> edges = new TreeSet<>();
		document.at("/elements/edges").forEach((e) -> {
			edges.add(e.at("/data/id").asString());
			assertThat(nodes).contains(e.at("/data/source").asString(), e.at("/data/target").asString());
		});
		assertThat(nodes).isEqualTo(graphQlIds("nodes"));
		assertThat(edges).isEqualTo(graphQlIds("edges"));
	}

	@Test
	void refusesWhatTheApiRefusesWithTheSameWords() throws Exception {
		HttpResponse<String> deep = get("/export/neighborhood.graphml?id=" + encode(START) + "&depth=9");
		assertThat(deep.statusCode()).isEqualTo(400);
		assertThat(deep.body()).contains("depth must be between 0 and 3");
		HttpResponse<String> missing = get("/export/neighborhood.cyjs?id=" + encode("Cluster:000000000000"));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("no node has the id");
		HttpResponse<String> noId = get("/export/neighborhood.graphml");
		assertThat(noId.statusCode()).isEqualTo(400);
		assertThat(noId.body()).contains("id is required");
		HttpResponse<String> words = get("/export/neighborhood.cyjs?id=" + encode(START) + "&limit=many");
		assertThat(words.statusCode()).isEqualTo(400);
		assertThat(words.body()).contains("limit must be a whole number");
	}

	@Test
	void writesTheClustersAFilterSelectsWithWhatTheyLinkTo() throws Exception {
		List<String> clusters = this.graphQl
			.document("{ clusters(filter: {program: \"most-pilot\", industry: \"C\"}, first: 100) { edges { node { id "
					+ "programs { id } regions { id } industries { id } } } } }")
			.execute()
			.path("clusters.edges[*].node.id")
			.entityList(String.class)
			.get();
		Set<String> expected = new TreeSet<>(clusters);
		for (String link : List.of("programs", "regions", "industries")) {
			expected.addAll(this.graphQl
				.document("{ clusters(filter: {program: \"most-pilot\", industry: \"C\"}, first: 100) { edges { node { "
						+ link + " { id } } } } }")
				.execute()
				.path("clusters.edges[*].node." + link + "[*].id")
				.entityList(String.class)
				.get());
		}
		assertThat(clusters).hasSizeGreaterThan(20).hasSizeLessThan(100);
		HttpResponse<String> response = get("/export/clusters.cyjs?program=most-pilot&industry=C");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("clusters.cyjs"));
		JsonNode document = JsonMapper.builder().build().readTree(response.body());
		Set<String> nodes = new TreeSet<>();
		document.at("/elements/nodes").forEach((n) -> nodes.add(n.at("/data/id").asString()));
		assertThat(nodes).isEqualTo(expected);
		Set<String> listed = new TreeSet<>();
		document.at("/elements/edges").forEach((e) -> {
			assertThat(nodes).contains(e.at("/data/source").asString(), e.at("/data/target").asString());
			if (e.at("/data/type").asString().equals("LISTED_IN")) {
				listed.add(e.at("/data/source").asString());
			}
		});
		assertThat(listed).containsAll(clusters);
		assertThat(document.at("/data/truncated").asBoolean()).isFalse();

		HttpResponse<String> graphml = get("/export/clusters.graphml?program=most-pilot&industry=C&limit=5");
		assertThat(graphml.statusCode()).isEqualTo(200);
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document xml = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(graphml.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(ids(xml.getElementsByTagName("node"))).filteredOn((id) -> id.startsWith("Cluster:"))
			.containsExactlyElementsOf(clusters.stream().sorted().limit(5).toList());
	}

	@Test
	void refusesAFilteredDownloadItCannotAnswerNamingTheParameter() throws Exception {
		HttpResponse<String> unknown = get("/export/clusters.graphml?programme=hubei");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("unknown parameter 'programme'");
		HttpResponse<String> big = get("/export/clusters.cyjs?limit=5000");
		assertThat(big.statusCode()).isEqualTo(400);
		assertThat(big.body()).contains("limit must be between 1 and 1000");
		HttpResponse<String> year = get("/export/clusters.cyjs?recognizedIn=soon");
		assertThat(year.statusCode()).isEqualTo(400);
		assertThat(year.body()).contains("recognizedIn must be a whole number");
		HttpResponse<String> nowhere = get("/export/clusters.cyjs?region=999999");
		assertThat(nowhere.statusCode()).isEqualTo(404);
		assertThat(nowhere.body()).contains("filter.region");
	}

	private Set<String> graphQlIds(String part) {
		List<String> ids = this.graphQl
			.document("query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 300) { %s { id } } }".formatted(part))
			.variable("id", START)
			.execute()
			.path("neighborhood." + part + "[*].id")
			.entityList(String.class)
			.get();
		return new TreeSet<>(ids);
	}

	private static Set<String> ids(NodeList elements) {
		Set<String> ids = new TreeSet<>();
		for (int i = 0; i < elements.getLength(); i++) {
			ids.add(((Element) elements.item(i)).getAttribute("id"));
		}
		return ids;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
