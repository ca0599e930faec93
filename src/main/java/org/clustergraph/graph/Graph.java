package org.clustergraph.graph;

import java.util.List;

/**
 * A drawable graph: nodes, the edges among them, and whether a cap cut it short.
 *
 * @param nodes the nodes, nearest first
 * @param edges the relationships among the nodes
 * @param truncated whether a cap left nodes out
 */
record Graph(List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {

	/**
	 * One node as front ends draw it.
	 *
	 * @param id the global id
	 * @param label Cluster, Region, Industry or Program
	 * @param name the name
	 * @param degree how many distinct neighbours it has in the whole graph
	 */
	record GraphNode(String id, String label, String name, int degree) {
	}

	/**
	 * One relationship as front ends draw it.
	 *
	 * @param id {@code <TYPE>:<source>-><target>}, with {@code :<year>:<rank>} for a
	 * listing
	 * @param type LISTED_IN, LOCATED_IN or BELONGS_TO
	 * @param source the start node's global id
	 * @param target the end node's global id
	 */
	record GraphEdge(String id, String type, String source, String target) {
	}

}
