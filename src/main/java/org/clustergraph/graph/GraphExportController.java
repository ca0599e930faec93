package org.clustergraph.graph;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.clustergraph.api.BadRequestException;
import org.clustergraph.api.NotFoundException;
import org.clustergraph.cluster.ClusterSelection;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Graphs to take away, as files Gephi, Cytoscape desktop and yEd open, in GraphML
 * ({@code .graphml}) or Cytoscape JSON ({@code .cyjs}): a neighbourhood
 * ({@code /export/neighborhood.*}, the graph {@code neighborhood(id, depth, limit)}
 * answers, with the same bounds) or the clusters a filter selects
 * ({@code /export/clusters.*}, the parameters of {@code ClusterFilter}, at most
 * {@code limit} clusters by id) with the programs, regions and industries they link to.
 */
@RestController
class GraphExportController {

	/** GraphML's media type (registered with IANA by the GraphML project). */
	static final MediaType GRAPHML = MediaType.parseMediaType("application/graphml+xml;charset=UTF-8");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The most clusters a filtered download holds. */
	static final int MAX_CLUSTERS = 1000;

	/** The parameters that filter a download of clusters: the fields of ClusterFilter. */
	private static final List<String> FILTER = List.of("region", "regionLevel", "industry", "program", "year",
			"recognizedIn", "nameContains");

	private final GraphController graphs;

	private final ClusterSelection selection;

	GraphExportController(GraphController graphs, ClusterSelection selection) {
		this.graphs = graphs;
		this.selection = selection;
	}

	@GetMapping("/export/neighborhood.graphml")
	ResponseEntity<String> graphml(@RequestParam String id, @RequestParam(defaultValue = "1") int depth,
			@RequestParam(defaultValue = "200") int limit) {
		Graph graph = find(id, depth, limit);
		return file(GRAPHML, "neighborhood-" + id, "graphml", graphml(graph, "neighborhood of " + id));
	}

	@GetMapping("/export/neighborhood.cyjs")
	ResponseEntity<String> cytoscape(@RequestParam String id, @RequestParam(defaultValue = "1") int depth,
			@RequestParam(defaultValue = "200") int limit) {
		Graph graph = find(id, depth, limit);
		return file(MediaType.APPLICATION_JSON, "neighborhood-" + id, "cyjs",
				cytoscape(graph, "neighborhood of " + id));
	}

	@GetMapping("/export/clusters.graphml")
	ResponseEntity<String> clustersGraphml(@RequestParam Map<String, String> parameters) {
		Graph graph = selected(parameters);
		return file(GRAPHML, "clusters", "graphml", graphml(graph, "clusters " + filterText(parameters)));
	}

	@GetMapping("/export/clusters.cyjs")
	ResponseEntity<String> clustersCytoscape(@RequestParam Map<String, String> parameters) {
		Graph graph = selected(parameters);
		return file(MediaType.APPLICATION_JSON, "clusters", "cyjs",
				cytoscape(graph, "clusters " + filterText(parameters)));
	}

	/**
	 * The clusters a filter selects (the fields of {@code ClusterFilter} as parameters),
	 * at most {@code limit} of them, with what they link to.
	 */
	private Graph selected(Map<String, String> parameters) {
		for (String name : parameters.keySet()) {
			if (!FILTER.contains(name) && !name.equals("limit")) {
				throw new BadRequestException("unknown parameter '" + name + "' (the filter takes " + FILTER
						+ ", and limit the clusters, 1 to " + MAX_CLUSTERS + ")");
			}
		}
		int limit = 200;
		if (parameters.containsKey("limit")) {
			try {
				limit = Integer.parseInt(parameters.get("limit").strip());
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException("limit must be a whole number");
			}
		}
		if (limit < 1 || limit > MAX_CLUSTERS) {
			throw new BadRequestException(
					"limit must be between 1 and " + MAX_CLUSTERS + " clusters (it was " + limit + ")");
		}
		ClusterSelection.Selected selected = this.selection.keys(Map.copyOf(parameters), limit);
		return this.graphs.clusters(selected.keys(), selected.more());
	}

	private static String filterText(Map<String, String> parameters) {
		return FILTER.stream()
			.filter((name) -> parameters.get(name) != null && !parameters.get(name).isBlank())
			.map((name) -> name + "=" + parameters.get(name))
			.reduce((a, b) -> a + " " + b)
			.orElse("(all)");
	}

	private static String cytoscape(Graph graph, String name) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("data", Map.of("name", name, "truncated", graph.truncated()));
		document.put("elements",
				Map.of("nodes",
						graph.nodes()
							.stream()
							.map((n) -> Map.of("data",
									Map.of("id", n.id(), "label", n.label(), "name", n.name(), "degree", n.degree())))
							.toList(),
						"edges",
						graph.edges()
							.stream()
							.map((e) -> Map.of("data",
									Map.of("id", e.id(), "source", e.source(), "target", e.target(), "type", e.type())))
							.toList()));
		return JSON.writeValueAsString(document);
	}

	private Graph find(String id, int depth, int limit) {
		return this.graphs.neighborhood(id, depth, limit)
			.orElseThrow(() -> new NoSuchNode("no node has the id '" + id + "'"));
	}

	private static ResponseEntity<String> file(MediaType type, String stem, String extension, String body) {
		String name = stem.replaceAll("[^A-Za-z0-9-]", "-") + "." + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	/**
	 * The graph as GraphML: node attributes {@code label}, {@code name} and
	 * {@code degree}, edge attribute {@code type}, ids the API's global ids.
	 */
	static String graphml(Graph graph, String name) {
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("graphml");
			xml.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
			key(xml, "label", "node", "string");
			key(xml, "name", "node", "string");
			key(xml, "degree", "node", "int");
			key(xml, "type", "edge", "string");
			xml.writeStartElement("graph");
			xml.writeAttribute("id", name);
			xml.writeAttribute("edgedefault", "directed");
			for (Graph.GraphNode node : graph.nodes()) {
				xml.writeStartElement("node");
				xml.writeAttribute("id", node.id());
				data(xml, "label", node.label());
				data(xml, "name", node.name());
				data(xml, "degree", String.valueOf(node.degree()));
				xml.writeEndElement();
			}
			for (Graph.GraphEdge edge : graph.edges()) {
				xml.writeStartElement("edge");
				xml.writeAttribute("id", edge.id());
				xml.writeAttribute("source", edge.source());
				xml.writeAttribute("target", edge.target());
				data(xml, "type", edge.type());
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write GraphML", ex);
		}
	}

	private static void key(XMLStreamWriter xml, String name, String domain, String type) throws XMLStreamException {
		xml.writeEmptyElement("key");
		xml.writeAttribute("id", name);
		xml.writeAttribute("for", domain);
		xml.writeAttribute("attr.name", name);
		xml.writeAttribute("attr.type", type);
	}

	private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
		xml.writeStartElement("data");
		xml.writeAttribute("key", key);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<Map<String, Object>> badRequest(BadRequestException ex) {
		return error(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException ex) {
		return error(HttpStatus.BAD_REQUEST,
				ex.getParameterName() + " is required (a global id such as Region:429004)");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException ex) {
		return error(HttpStatus.BAD_REQUEST, ex.getName() + " must be a whole number");
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Map<String, Object>> filterTargetNotFound(NotFoundException ex) {
		return error(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(NoSuchNode.class)
	ResponseEntity<Map<String, Object>> notFound(NoSuchNode ex) {
		return error(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, @Nullable String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", status.value(), "error", String.valueOf(message)));
	}

	/** The id names no node of the graph. */
	static final class NoSuchNode extends RuntimeException {

		NoSuchNode(String message) {
			super(message);
		}

	}

}
