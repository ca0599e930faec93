package org.clustergraph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.clustergraph.api.BadRequestException;
import org.clustergraph.api.NotFoundException;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code neighborhood} and {@code shortestPath} with ready-to-draw graphs. A
 * neighbourhood is gathered breadth first, one statement per hop (at most three) inside
 * one read transaction, so that the cap keeps the nearest nodes.
 */
@Controller
@Transactional(readOnly = true)
class GraphController {

	static final int MAX_DEPTH = 3;

	static final int MAX_LIMIT = 1000;

	static final int MAX_PATH_LENGTH = 10;

	private static final String CLUSTER = "Cluster:";

	private static final Set<String> LABELS = Set.of("Cluster", "Region", "Industry", "Program");

	private final Reads reads;

	GraphController(Reads reads) {
		this.reads = reads;
	}

	@QueryMapping
	Optional<Graph> neighborhood(@Argument String id, @Argument @Nullable Integer depth,
			@Argument @Nullable Integer limit) {
		return neighborhood(id, (depth != null) ? depth : 1, (limit != null) ? limit : 200);
	}

	Optional<Graph> neighborhood(String id, int depth, int limit) {
		if (depth < 0 || depth > MAX_DEPTH) {
			throw new BadRequestException("depth must be between 0 and " + MAX_DEPTH + " (it was " + depth + ")");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + " (it was " + limit + ")");
		}
		String start = elementId(id);
		if (start == null) {
			return Optional.empty();
		}
		Set<String> selected = new LinkedHashSet<>(List.of(start));
		List<String> frontier = List.of(start);
		// programs, regions and industries on the frontier: a bound can narrow only a hop
		// from two or more, the probe reading the largest of them first
		long hubs = 1;
		boolean truncated = false;
		for (int hop = 1; hop <= depth && !frontier.isEmpty() && !truncated; hop++) {
			int room = limit - selected.size();
			Map<String, @Nullable Object> parameters = new HashMap<>(
					Map.of("nodes", frontier, "selected", List.copyOf(selected), "room", room, "probe", false));
			parameters.put("bound", (hubs > 1) ? bound(parameters, room) : null);
			// the database leaves out what the view holds and sends the first room + 1
			// by id, in that order
			List<Map<String, Object>> next = new ArrayList<>(this.reads.all("graph/neighbours", parameters));
			if (next.size() > room) {
				next = next.subList(0, room);
				truncated = true;
			}
			frontier = next.stream().map((row) -> Objects.requireNonNull(Rows.string(row, "node"))).toList();
			hubs = next.stream()
				.filter((row) -> !Objects.requireNonNull(Rows.string(row, "id")).startsWith(CLUSTER))
				.count();
			selected.addAll(frontier);
		}
		Map<String, Object> view = this.reads.one("graph/view", Map.of("nodes", List.copyOf(selected))).orElseThrow();
		return Optional.of(graph(view, selected, truncated));
	}

	/**
	 * The key above which no cluster is among a hop's first neighbours: the room + 1st
	 * neighbour of the frontier's node with the most clusters of its own, when it is a
	 * cluster, which the statement reads first.
	 * @param parameters the hop's parameters
	 * @param room how many more nodes the view may take
	 * @return the key, or null when that node gives no room + 1 clusters
	 */
	private @Nullable String bound(Map<String, @Nullable Object> parameters, int room) {
		Map<String, @Nullable Object> probe = new HashMap<>(parameters);
		probe.put("probe", true);
		probe.put("bound", null);
		List<Map<String, Object>> first = this.reads.all("graph/neighbours", probe);
		String id = (first.size() > room) ? Rows.string(first.get(room), "id") : null;
		return (id != null && id.startsWith(CLUSTER)) ? id.substring(CLUSTER.length()) : null;
	}

	/**
	 * Clusters with the programs, regions and industries they link to directly, and every
	 * relationship among those nodes.
	 * @param keys the clusters' keys
	 * @param truncated whether the caller left matching clusters out
	 * @return the graph, clusters first
	 */
	Graph clusters(List<String> keys, boolean truncated) {
		List<String> nodes = Rows
			.strings(this.reads.one("graph/clusters-with-neighbours", Map.of("keys", keys)).orElseThrow(), "nodes");
		Map<String, Object> view = this.reads.one("graph/view", Map.of("nodes", nodes)).orElseThrow();
		return graph(view, nodes, truncated);
	}

	@QueryMapping
	Optional<Graph> shortestPath(@Argument String from, @Argument String to, @Argument @Nullable Integer maxLength,
			@Argument @Nullable List<String> through) {
		return shortestPath(from, to, (maxLength != null) ? maxLength : 6,
				(through != null) ? through : List.of("Cluster", "Region", "Industry"));
	}

	private Optional<Graph> shortestPath(String from, String to, int maxLength, List<String> through) {
		if (maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
			throw new BadRequestException(
					"maxLength must be between 1 and " + MAX_PATH_LENGTH + " (it was " + maxLength + ")");
		}
		for (String label : through) {
			if (!LABELS.contains(label)) {
				throw new BadRequestException(
						"through may name only Cluster, Region, Industry and Program (it named '" + label + "')");
			}
		}
		String start = elementId(from);
		if (start == null) {
			throw new NotFoundException("from: no node has the id '" + from + "'");
		}
		String end = elementId(to);
		if (end == null) {
			throw new NotFoundException("to: no node has the id '" + to + "'");
		}
		if (start.equals(end)) {
			Map<String, Object> view = this.reads.one("graph/view", Map.of("nodes", List.of(start))).orElseThrow();
			return Optional.of(graph(view, List.of(start), false));
		}
		return this.reads
			.one("graph/shortest-path", Map.of("from", start, "to", end, "maxLength", maxLength, "through", through))
			.map((path) -> graph(path, null, false));
	}

	private @Nullable String elementId(String globalId) {
		int colon = globalId.indexOf(':');
		if (colon < 0) {
			return null;
		}
		return this.reads
			.one("graph/start-node",
					Map.of("label", globalId.substring(0, colon), "key", globalId.substring(colon + 1)))
			.map((row) -> Rows.string(row, "node"))
			.orElse(null);
	}

	/**
	 * Builds the graph a view or path statement returned.
	 * @param result its {@code nodes} and {@code edges}
	 * @param order the element ids in the order to return the nodes; null to keep the
	 * statement's order
	 * @param truncated whether a cap cut the graph
	 */
	private static Graph graph(Map<String, Object> result, @Nullable Collection<String> order, boolean truncated) {
		Map<String, Graph.GraphNode> byElement = new HashMap<>();
		List<String> statementOrder = new ArrayList<>();
		for (Object item : (List<?>) Objects.requireNonNull(result.get("nodes"))) {
			Map<?, ?> node = (Map<?, ?>) item;
			String element = Objects.requireNonNull(Rows.string(node, "node"));
			statementOrder.add(element);
			byElement.put(element,
					new Graph.GraphNode(Objects.requireNonNull(Rows.string(node, "id")),
							Objects.requireNonNull(Rows.string(node, "label")),
							Objects.requireNonNull(Rows.string(node, "name")),
							Objects.requireNonNull(Rows.integer(node, "degree"))));
		}
		List<Graph.GraphNode> nodes = new ArrayList<>();
		for (String element : (order != null) ? order : statementOrder) {
			Graph.GraphNode node = byElement.get(element);
			if (node != null) {
				nodes.add(node);
			}
		}
		Set<String> seen = new HashSet<>();
		List<Graph.GraphEdge> edges = new ArrayList<>();
		for (Object item : (List<?>) Objects.requireNonNull(result.get("edges"))) {
			Map<?, ?> edge = (Map<?, ?>) item;
			Graph.GraphNode source = byElement.get(Rows.string(edge, "source"));
			Graph.GraphNode target = byElement.get(Rows.string(edge, "target"));
			if (source == null || target == null) {
				continue;
			}
			String type = Objects.requireNonNull(Rows.string(edge, "type"));
			String id = type + ":" + source.id() + "->" + target.id();
			if (type.equals("LISTED_IN")) {
				Integer year = Rows.integer(edge, "year");
				id += ":" + ((year != null) ? year : "") + ":" + Rows.integer(edge, "rank");
			}
			if (seen.add(id)) {
				edges.add(new Graph.GraphEdge(id, type, source.id(), target.id()));
			}
		}
		if (order != null) {
			// A neighbourhood's edges by id; a path's stay in path order.
			edges.sort(Comparator.comparing(Graph.GraphEdge::id));
		}
		return new Graph(List.copyOf(nodes), List.copyOf(edges), truncated);
	}

}
