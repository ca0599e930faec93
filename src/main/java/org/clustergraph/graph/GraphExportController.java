package org.clustergraph.graph;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.clustergraph.api.BadRequestException;
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
 * A neighbourhood to take away, as a file Gephi, Cytoscape desktop and yEd open: the same
 * graph {@code neighborhood(id, depth, limit)} answers, with the same bounds, as GraphML
 * ({@code /export/neighborhood.graphml}) or Cytoscape JSON
 * ({@code /export/neighborhood.cyjs}).
 */
@RestController
class GraphExportController {

	/** GraphML's media type (registered with IANA by the GraphML project). */
	static final MediaType GRAPHML = MediaType.parseMediaType("application/graphml+xml;charset=UTF-8");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphController graphs;

	GraphExportController(GraphController graphs) {
		this.graphs = graphs;
	}

	@GetMapping("/export/neighborhood.graphml")
	ResponseEntity<String> graphml(@RequestParam String id, @RequestParam(defaultValue = "1") int depth,
			@RequestParam(defaultValue = "200") int limit) {
		Graph graph = find(id, depth, limit);
		return file(GRAPHML, id, "graphml", graphml(graph, id));
	}

	@GetMapping("/export/neighborhood.cyjs")
	ResponseEntity<String> cytoscape(@RequestParam String id, @RequestParam(defaultValue = "1") int depth,
			@RequestParam(defaultValue = "200") int limit) {
		Graph graph = find(id, depth, limit);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("data", Map.of("name", "neighborhood of " + id, "truncated", graph.truncated()));
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
		return file(MediaType.APPLICATION_JSON, id, "cyjs", JSON.writeValueAsString(document));
	}

	private Graph find(String id, int depth, int limit) {
		return this.graphs.neighborhood(id, depth, limit)
			.orElseThrow(() -> new NoSuchNode("no node has the id '" + id + "'"));
	}

	private static ResponseEntity<String> file(MediaType type, String id, String extension, String body) {
		String name = "neighborhood-" + id.replaceAll("[^A-Za-z0-9]", "-") + "." + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	/**
	 * The graph as GraphML: node attributes {@code label}, {@code name} and
	 * {@code degree}, edge attribute {@code type}, ids the API's global ids.
	 */
	static String graphml(Graph graph, String start) {
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
			xml.writeAttribute("id", "neighborhood of " + start);
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
