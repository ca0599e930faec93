package org.clustergraph.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;

/**
 * One query the API promises to answer well, as a GraphQL document and as the
 * hand-written Cypher statement that computes the same answer, the floor the GraphQL
 * service is measured against.
 *
 * <p>
 * Both sides reduce their response to the same plain-text answer, which is what a client
 * would keep (for the industry peers: only the clusters in other provinces). Doing it on
 * both sides keeps the client-side work equal, and comparing the two answers checks that
 * the floor computes what the API computes.
 *
 * @param number the query's number in BENCHMARKS.md
 * @param name a short name
 * @param graphql the GraphQL document; {@code $id} is a cluster id when
 * {@code perCluster}
 * @param cypher the Cypher statement; {@code $key} is the cluster key when
 * {@code perCluster}
 * @param perCluster whether each request asks about the next cluster in turn
 * @param fromGraphql the answer from the response's {@code data}
 * @param fromCypher the answer from the statement's records
 */
record CanonicalQuery(int number, String name, String graphql, String cypher, boolean perCluster,
		Function<JsonNode, String> fromGraphql, Function<List<Record>, String> fromCypher) {

	/** The page size asked of {@code Industry.clusters} in query 2. */
	static final int PEER_PAGE = 100;

	/** The node cap of the neighbourhood in query 4 (the contract's default limit). */
	static final int NEIGHBOURHOOD_LIMIT = 200;

	static List<CanonicalQuery> all() {
		return List.of(clusterById(), industryPeers(), regionsInMultiplePrograms(), neighbourhood());
	}

	/** Query 1: a cluster with its regions and industries. */
	static CanonicalQuery clusterById() {
		String graphql = """
				query($id: ID!) { cluster(id: $id) { id name industryPhrase regions { code name } industries { code name } } }""";
		String cypher = """
				MATCH (c:Cluster {key: $key})
				RETURN 'Cluster:' + c.key AS id, c.name AS name, c.industryPhrase AS industryPhrase,
					COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) RETURN r {.code, .name} } AS regions,
					COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) RETURN i {.code, .name} } AS industries""";
		return new CanonicalQuery(1, "cluster(id)", graphql, cypher, true, (data) -> {
			JsonNode c = data.path("cluster");
			if (absent(c)) {
				return "null";
			}
			return String.join(" | ", c.path("id").asString(), c.path("name").asString(),
					c.path("industryPhrase").asString(), codeNames(c.path("regions")), codeNames(c.path("industries")));
		}, (records) -> {
			if (records.isEmpty()) {
				return "null";
			}
			Record c = records.get(0);
			return String.join(" | ", c.get("id").asString(), c.get("name").asString(),
					c.get("industryPhrase").asString(), codeNames(c.get("regions")), codeNames(c.get("industries")));
		});
	}

	/**
	 * Query 2: a cluster's industries and the clusters of those industries (descendant
	 * industries included) that lie in other provinces.
	 */
	static CanonicalQuery industryPeers() {
		String graphql = """
				query($id: ID!) { cluster(id: $id) { id name provinces { code } industries { code name \
				clusters(first: %d) { totalCount edges { node { id name provinces { code name } } } } } } }"""
			.formatted(PEER_PAGE);
		String cypher = """
				MATCH (c:Cluster {key: $key})
				CALL (c) {
					MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(p:Region {level: 'PROVINCE'})
					RETURN collect(DISTINCT p.code) AS provinces
				}
				CALL (c) {
					MATCH (c)-[:BELONGS_TO]->(i:Industry)
					CALL (i) {
						MATCH (o:Cluster)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(i)
						WITH DISTINCT o ORDER BY o.key
						WITH collect(o) AS members
						UNWIND members[..%d] AS o
						CALL (o) {
							MATCH (o)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(p:Region {level: 'PROVINCE'})
							RETURN collect(DISTINCT p {.code, .name}) AS provinces
						}
						RETURN size(members) AS totalCount,
							collect({id: 'Cluster:' + o.key, name: o.name, provinces: provinces}) AS clusters
					}
					RETURN collect({code: i.code, name: i.name, totalCount: totalCount, clusters: clusters}) AS industries
				}
				RETURN 'Cluster:' + c.key AS id, c.name AS name, provinces, industries"""
			.formatted(PEER_PAGE);
		return new CanonicalQuery(2, "industry peers elsewhere", graphql, cypher, true, (data) -> {
			JsonNode c = data.path("cluster");
			if (absent(c)) {
				return "null";
			}
			String id = c.path("id").asString();
			Set<String> own = codes(c.path("provinces"));
			List<String> industries = new ArrayList<>();
			for (JsonNode industry : c.path("industries")) {
				JsonNode connection = industry.path("clusters");
				List<String> elsewhere = new ArrayList<>();
				for (JsonNode edge : connection.path("edges")) {
					JsonNode peer = edge.path("node");
					String peerId = peer.path("id").asString();
					if (!peerId.equals(id) && Collections.disjoint(own, codes(peer.path("provinces")))) {
						elsewhere.add(peerId);
					}
				}
				industries.add(peers(industry.path("code").asString(), industry.path("name").asString(),
						connection.path("totalCount").asInt(), elsewhere));
			}
			return id + " | " + sorted(industries);
		}, (records) -> {
			if (records.isEmpty()) {
				return "null";
			}
			Record c = records.get(0);
			String id = c.get("id").asString();
			Set<String> own = new TreeSet<>(c.get("provinces").asList(Value::asString));
			List<String> industries = new ArrayList<>();
			for (Value industry : items(c.get("industries"))) {
				List<String> elsewhere = new ArrayList<>();
				for (Value peer : items(industry.get("clusters"))) {
					String peerId = peer.get("id").asString();
					if (!peerId.equals(id) && Collections.disjoint(own, codes(peer.get("provinces")))) {
						elsewhere.add(peerId);
					}
				}
				industries.add(peers(industry.get("code").asString(), industry.get("name").asString(),
						industry.get("totalCount").asInt(), elsewhere));
			}
			return id + " | " + sorted(industries);
		});
	}

	/**
	 * Query 3: prefecture-level units in which clusters of at least two programs are
	 * located.
	 */
	static CanonicalQuery regionsInMultiplePrograms() {
		String graphql = """
				{ regionsInMultiplePrograms(level: PREFECTURE) { region { code name } programCount programs { key } clusterCount } }""";
		// Prefecture-level units: prefectures, the four municipalities (whose
		// districts are counties), and county-level units a province administers
		// directly (仙桃...), defined here without the graph's Region.countsAt so that
		// comparing the answers checks that property too. Walking up from the
		// clusters visits far fewer nodes than walking down from every unit.
		String cypher = """
				MATCH (c:Cluster)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(u:Region)
				WHERE u.level = 'PREFECTURE'
					OR (u.level = 'PROVINCE' AND u.code IN ['110000', '120000', '310000', '500000'])
					OR (u.level = 'COUNTY' AND EXISTS {
						(u)-[:LOCATED_IN]->(province:Region {level: 'PROVINCE'})
						WHERE NOT province.code IN ['110000', '120000', '310000', '500000'] })
				WITH u, collect(DISTINCT c) AS clusters
				CALL (clusters) {
					UNWIND clusters AS c
					MATCH (c)-[:LISTED_IN]->(p:Program)
					RETURN collect(DISTINCT p.key) AS programs
				}
				WITH u, size(clusters) AS clusterCount, programs
				WHERE size(programs) >= 2
				RETURN u.code AS code, u.name AS name, size(programs) AS programCount, programs, clusterCount
				ORDER BY programCount DESC, clusterCount DESC, code""";
		return new CanonicalQuery(3, "regionsInMultiplePrograms", graphql, cypher, false, (data) -> {
			List<String> stats = new ArrayList<>();
			for (JsonNode stat : data.path("regionsInMultiplePrograms")) {
				List<String> programs = new ArrayList<>();
				for (JsonNode program : stat.path("programs")) {
					programs.add(program.path("key").asString());
				}
				stats.add(regionStat(stat.path("region").path("code").asString(),
						stat.path("region").path("name").asString(), stat.path("programCount").asInt(), programs,
						stat.path("clusterCount").asInt()));
			}
			return sorted(stats);
		}, (records) -> {
			List<String> stats = new ArrayList<>();
			for (Record stat : records) {
				stats.add(regionStat(stat.get("code").asString(), stat.get("name").asString(),
						stat.get("programCount").asInt(), stat.get("programs").asList(Value::asString),
						stat.get("clusterCount").asInt()));
			}
			return sorted(stats);
		});
	}

	/**
	 * Query 4: the nodes within two hops of a cluster, capped, with the edges among them.
	 */
	static CanonicalQuery neighbourhood() {
		String graphql = """
				query($id: ID!) { neighborhood(id: $id, depth: 2) { truncated nodes { id label name degree } \
				edges { id type source target } } }""";
		String cypher = """
				MATCH (s:Cluster {key: $key})
				CALL (s) {
					MATCH p = ANY SHORTEST (s)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-{0,2}(n)
					RETURN n ORDER BY length(p), elementId(n) LIMIT %1$d + 1
				}
				WITH collect(n) AS reached
				WITH size(reached) > %1$d AS truncated, reached[..%1$d] AS kept
				CALL (kept) {
					UNWIND kept AS n
					RETURN collect({id: %2$s, label: labels(n)[0], name: n.name,
						degree: COUNT { MATCH (n)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(m) RETURN DISTINCT m }}) AS nodes
				}
				CALL (kept) {
					UNWIND kept AS a
					MATCH (a)-[r:LISTED_IN|LOCATED_IN|BELONGS_TO]->(b)
					WHERE b IN kept
					WITH type(r) AS type, %3$s AS source, %4$s AS target, r
					RETURN collect({type: type, source: source, target: target, id: type + ':' + source + '->' + target
						+ CASE type WHEN 'LISTED_IN' THEN ':' + coalesce(toString(r.year), '') + ':' + r.rank ELSE '' END}) AS edges
				}
				RETURN truncated, nodes, edges"""
			.formatted(NEIGHBOURHOOD_LIMIT, globalId("n"), globalId("a"), globalId("b"));
		return new CanonicalQuery(4, "neighborhood(depth: 2)", graphql, cypher, true, (data) -> {
			JsonNode graph = data.path("neighborhood");
			if (absent(graph)) {
				return "null";
			}
			List<String> nodes = new ArrayList<>();
			for (JsonNode node : graph.path("nodes")) {
				nodes.add(String.join(" ", node.path("id").asString(), node.path("label").asString(),
						node.path("name").asString(), String.valueOf(node.path("degree").asInt())));
			}
			List<String> edges = new ArrayList<>();
			for (JsonNode edge : graph.path("edges")) {
				edges.add(String.join(" ", edge.path("type").asString(), edge.path("source").asString(),
						edge.path("target").asString()));
			}
			return graph(graph.path("truncated").asBoolean(), nodes, edges);
		}, (records) -> {
			if (records.isEmpty()) {
				return "null";
			}
			Record graph = records.get(0);
			List<String> nodes = new ArrayList<>();
			for (Value node : items(graph.get("nodes"))) {
				nodes.add(String.join(" ", node.get("id").asString(), node.get("label").asString(),
						node.get("name").asString(), String.valueOf(node.get("degree").asInt())));
			}
			List<String> edges = new ArrayList<>();
			for (Value edge : items(graph.get("edges"))) {
				edges.add(String.join(" ", edge.get("type").asString(), edge.get("source").asString(),
						edge.get("target").asString()));
			}
			return graph(graph.get("truncated").asBoolean(), nodes, edges);
		});
	}

	/** The Cypher expression of a node's global id, "<Label>:<key or code>". */
	private static String globalId(String node) {
		return "CASE WHEN %1$s:Region OR %1$s:Industry THEN labels(%1$s)[0] + ':' + %1$s.code ELSE labels(%1$s)[0] + ':' + %1$s.key END"
			.formatted(node);
	}

	private static List<Value> items(Value list) {
		return list.asList((item) -> item);
	}

	private static boolean absent(JsonNode node) {
		return node.isNull() || node.isMissingNode();
	}

	private static String codeNames(JsonNode list) {
		List<String> items = new ArrayList<>();
		for (JsonNode item : list) {
			items.add(item.path("code").asString() + " " + item.path("name").asString());
		}
		return sorted(items);
	}

	private static String codeNames(Value list) {
		return sorted(list.asList((item) -> item.get("code").asString() + " " + item.get("name").asString()));
	}

	private static Set<String> codes(JsonNode list) {
		Set<String> codes = new TreeSet<>();
		for (JsonNode item : list) {
			codes.add(item.path("code").asString());
		}
		return codes;
	}

	private static Set<String> codes(Value list) {
		return new TreeSet<>(list.asList((item) -> item.get("code").asString()));
	}

	/**
	 * One industry of query 2. Which clusters fill a first page depends on the API's
	 * order, so only a complete page is compared member by member.
	 */
	private static String peers(String code, String name, int totalCount, List<String> elsewhere) {
		String members = (totalCount <= PEER_PAGE) ? " elsewhere " + sorted(elsewhere) : " (first page only)";
		return code + " " + name + " totalCount " + totalCount + members;
	}

	private static String regionStat(String code, String name, int programCount, List<String> programs,
			int clusterCount) {
		return code + " " + name + " programs " + programCount + " " + sorted(programs) + " clusters " + clusterCount;
	}

	/**
	 * A neighbourhood. Which nodes a cap keeps depends on tie-breaking, so a truncated
	 * one is compared by size only.
	 */
	private static String graph(boolean truncated, List<String> nodes, List<String> edges) {
		if (truncated) {
			return "truncated, " + nodes.size() + " nodes";
		}
		return nodes.size() + " nodes " + sorted(nodes) + " | " + edges.size() + " edges " + sorted(edges);
	}

	private static String sorted(List<String> items) {
		List<String> copy = new ArrayList<>(items);
		Collections.sort(copy);
		return copy.toString();
	}

}
