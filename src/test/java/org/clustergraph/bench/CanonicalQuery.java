package org.clustergraph.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.clustergraph.api.KeysetPage;
import org.clustergraph.graph.SearchText;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

/**
 * One query the API promises to answer well, as a GraphQL document and as the
 * hand-written Cypher statement that computes the same answer, the floor the GraphQL
 * service is measured against; and, where the Neo4j GraphQL Library (the peer in
 * {@code bench/peer/}) can ask the same of its schema, the peer's GraphQL document.
 *
 * <p>
 * Every side reduces its response to the same plain-text answer, which is what a client
 * would keep (for the industry peers: only the clusters in other provinces). Doing it on
 * every side keeps the client-side work equal, and comparing the answers checks that the
 * floor and the peer compute what the API computes.
 *
 * @param number the query's number in BENCHMARKS.md
 * @param name a short name
 * @param argument what each request asks about: nothing, or the next cluster, region,
 * search text or page start in turn
 * @param graphql the GraphQL document; {@code $id} is a cluster id, {@code $region} a
 * region code, {@code $text} a search text, {@code $after} a cursor of {@code clusters}
 * @param cypher the Cypher statement; {@code $key} is the cluster key, {@code $region} a
 * region code, {@code $query} the Lucene query of a search text, {@code $after} the key a
 * page starts above
 * @param fromGraphql the answer from the response's {@code data}
 * @param fromCypher the answer from the statement's records
 * @param peer the same query asked of the peer, or null when the peer has none
 */
record CanonicalQuery(int number, String name, Argument argument, String graphql, String cypher,
		Function<JsonNode, String> fromGraphql, Function<List<Record>, String> fromCypher, Peer peer) {

	/**
	 * What a request asks about; the harness picks the next one in turn for every
	 * request.
	 */
	enum Argument {

		/** Nothing: every request is the same. */
		NONE,

		/** A cluster: a global id {@code Cluster:<key>}. */
		CLUSTER,

		/** A region that holds clusters: its code. */
		REGION,

		/** A search text: an industry phrase the clusters were listed with. */
		TEXT,

		/**
		 * A cluster's key, after which a page of {@code clusters} starts: the API is
		 * given the keyset cursor of that cluster, the floor the key.
		 */
		AFTER,

		/** A program: its key. */
		PROGRAM

	}

	/**
	 * The query as the peer's schema asks it ({@code bench/peer/typeDefs.graphql}).
	 *
	 * @param graphql the GraphQL document; {@code $key} is the cluster key,
	 * {@code $region} a region code
	 * @param fromGraphql the answer from the response's {@code data}
	 */
	record Peer(String graphql, Function<JsonNode, String> fromGraphql) {

	}

	/** The page size asked of {@code Industry.clusters} in query 2. */
	static final int PEER_PAGE = 100;

	/** The node cap of the neighbourhood in query 4 (the contract's default limit). */
	static final int NEIGHBOURHOOD_LIMIT = 200;

	/** The page size of the list page, query 5. */
	static final int LIST_PAGE = 20;

	/** The page size of the root {@code clusters} connection, queries 9 and 10. */
	static final int ROOT_PAGE = 20;

	/**
	 * The texts query 8 searches, what users search for: the industry phrases the
	 * clusters were listed with, each once, in order.
	 */
	static final String SEARCH_TEXTS = """
			MATCH (c:Cluster) WHERE c.industryPhrase IS NOT NULL AND trim(c.industryPhrase) <> ''
			RETURN DISTINCT c.industryPhrase AS text ORDER BY text""";

	/** The hits asked of {@code search}, query 8. */
	static final int SEARCH_HITS = 20;

	/** The API's global ids of clusters; the peer's schema has the stored key only. */
	static final String CLUSTER_PREFIX = "Cluster:";

	/**
	 * Every canonical query, query 2 asking a given number of clusters of each industry.
	 * @param peers the page of {@code Industry.clusters} in query 2
	 * @return the queries by number
	 */
	static List<CanonicalQuery> all(int peers) {
		return List.of(clusterById(), industryPeers(peers), regionsInMultiplePrograms(), neighbourhood(),
				clustersOfRegion(), programOverlap(), industrySpread(), search(), firstPage(), deepPage(),
				programOverlapOfOne(), facetsOfRegion(), listAgainstTheNationalList());
	}

	/** The variables of the API's document for one request's argument. */
	Map<String, Object> graphqlVariables(String argument) {
		return switch (this.argument) {
			case NONE -> Map.of();
			case CLUSTER -> Map.of("id", argument);
			case REGION -> Map.of("region", argument);
			case TEXT -> Map.of("text", argument);
			// The cursor the API itself gives out for the cluster (KeysetPage), so that
			// the harness follows the format wherever it goes.
			case AFTER -> Map.of("after", new KeysetPage("clusters", ROOT_PAGE, null).cursor(argument));
			case PROGRAM -> Map.of("program", argument);
		};
	}

	/** The variables of the peer's document: the cluster's key instead of its id. */
	Map<String, Object> peerVariables(String argument) {
		return switch (this.argument) {
			case NONE, TEXT, AFTER, PROGRAM -> Map.of();
			case CLUSTER -> Map.of("key", key(argument));
			case REGION -> Map.of("region", argument);
		};
	}

	/** The parameters of the Cypher statement. */
	Map<String, Object> cypherParameters(String argument) {
		return switch (this.argument) {
			case NONE -> Map.of();
			case CLUSTER -> Map.of("key", key(argument));
			case REGION -> Map.of("region", argument);
			case TEXT -> Map.of("query", luceneQuery(argument), "pairs", SearchText.hasPair(argument));
			case AFTER -> Map.of("after", argument);
			case PROGRAM -> Map.of("program", argument);
		};
	}

	private static String key(String clusterId) {
		return clusterId.substring(CLUSTER_PREFIX.length());
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
		String peerGraphql = """
				query($key: String!) { clusters(where: {key: {eq: $key}}) { key name industryPhrase \
				regions { code name } industries { code name } } }""";
		return new CanonicalQuery(1, "cluster(id)", Argument.CLUSTER, graphql, cypher, (data) -> {
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
		}, new Peer(peerGraphql, (data) -> {
			JsonNode c = onlyCluster(data.path("clusters"));
			if (absent(c)) {
				return c.isNull() ? "null" : "several clusters: " + data.path("clusters");
			}
			return String.join(" | ", CLUSTER_PREFIX + c.path("key").asString(), c.path("name").asString(),
					c.path("industryPhrase").asString(), codeNames(c.path("regions")), codeNames(c.path("industries")));
		}));
	}

	/**
	 * Query 2: a cluster's industries and the clusters of those industries (descendant
	 * industries included) that lie in other provinces.
	 */
	static CanonicalQuery industryPeers() {
		return industryPeers(PEER_PAGE);
	}

	/**
	 * Query 2 with a page of {@code peers} clusters per industry.
	 * @param peers how many clusters of each industry
	 * @return the query
	 */
	static CanonicalQuery industryPeers(int peers) {
		String graphql = """
				query($id: ID!) { cluster(id: $id) { id name provinces { code } industries { code name \
				clusters(first: %d) { totalCount edges { node { id name provinces { code name } } } } } } }"""
			.formatted(peers);
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
			.formatted(peers);
		// Industry.allClusters and allClusterCount are @cypher fields of the peer's
		// schema: its generated Industry.clusters follows one BELONGS_TO, the API's
		// takes the industries below too.
		String peerGraphql = """
				query($key: String!) { clusters(where: {key: {eq: $key}}) { key name provinces { code } \
				industries { code name allClusterCount allClusters(first: %d) { key name provinces { code name } } } } }"""
			.formatted(peers);
		return new CanonicalQuery(2, "industry peers elsewhere", Argument.CLUSTER, graphql, cypher, (data) -> {
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
						elsewhere.add(peerId + " " + peer.path("name").asString());
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
						elsewhere.add(peerId + " " + peer.get("name").asString());
					}
				}
				industries.add(peers(industry.get("code").asString(), industry.get("name").asString(),
						industry.get("totalCount").asInt(), elsewhere));
			}
			return id + " | " + sorted(industries);
		}, new Peer(peerGraphql, (data) -> {
			JsonNode c = onlyCluster(data.path("clusters"));
			if (absent(c)) {
				return c.isNull() ? "null" : "several clusters: " + data.path("clusters");
			}
			String id = CLUSTER_PREFIX + c.path("key").asString();
			Set<String> own = codes(c.path("provinces"));
			List<String> industries = new ArrayList<>();
			for (JsonNode industry : c.path("industries")) {
				List<String> elsewhere = new ArrayList<>();
				for (JsonNode peerCluster : industry.path("allClusters")) {
					String peerId = CLUSTER_PREFIX + peerCluster.path("key").asString();
					if (!peerId.equals(id) && Collections.disjoint(own, codes(peerCluster.path("provinces")))) {
						elsewhere.add(peerId + " " + peerCluster.path("name").asString());
					}
				}
				industries.add(peers(industry.path("code").asString(), industry.path("name").asString(),
						industry.path("allClusterCount").asInt(), elsewhere));
			}
			return id + " | " + sorted(industries);
		}));
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
		return new CanonicalQuery(3, "regionsInMultiplePrograms", Argument.NONE, graphql, cypher, (data) -> {
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
		}, null);
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
		return new CanonicalQuery(4, "neighborhood(depth: 2)", Argument.CLUSTER, graphql, cypher, (data) -> {
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
		}, null);
	}

	/**
	 * Query 5: a list page, the first clusters by key located in a region (or below it),
	 * each with its provinces, industries and programs, and how many there are.
	 */
	static CanonicalQuery clustersOfRegion() {
		String graphql = """
				query($region: String!) { clusters(filter: {region: $region}, first: %d) { totalCount \
				edges { node { id name provinces { code name } industries { code name } programs { key } } } } }"""
			.formatted(LIST_PAGE);
		String cypher = """
				MATCH (c:Cluster) WHERE $region IN c.inRegions
				WITH c ORDER BY c.key
				WITH collect(c) AS members
				RETURN size(members) AS totalCount,
					[c IN members[..%d] | c {id: 'Cluster:' + c.key, .name,
						provinces: COLLECT { MATCH (c)-[:IN_PROVINCE]->(p:Region) RETURN p {.code, .name} },
						industries: COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) RETURN i {.code, .name} },
						programs: COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p.key }}] AS clusters"""
			.formatted(LIST_PAGE);
		// The peer's filter reads the same stored codes (Cluster.inRegions) as the API's
		// statement; its connection is sorted by key like the API's.
		String peerGraphql = """
				query($region: String!) { clustersConnection(where: {inRegions: {includes: $region}}, first: %d, \
				sort: [{key: ASC}]) { totalCount edges { node { key name provinces { code name } industries { code name } \
				programs { key } } } } }"""
			.formatted(LIST_PAGE);
		return new CanonicalQuery(5, "clusters(filter: {region})", Argument.REGION, graphql, cypher, (data) -> {
			JsonNode connection = data.path("clusters");
			List<String> page = new ArrayList<>();
			for (JsonNode edge : connection.path("edges")) {
				JsonNode c = edge.path("node");
				page.add(listed(c.path("id").asString(), c.path("name").asString(), codeNames(c.path("provinces")),
						codeNames(c.path("industries")), keys(c.path("programs"))));
			}
			return "totalCount " + connection.path("totalCount").asInt() + " | " + page;
		}, (records) -> {
			Record row = records.get(0);
			List<String> page = new ArrayList<>();
			for (Value c : items(row.get("clusters"))) {
				page.add(listed(c.get("id").asString(), c.get("name").asString(), codeNames(c.get("provinces")),
						codeNames(c.get("industries")), sorted(c.get("programs").asList(Value::asString))));
			}
			return "totalCount " + row.get("totalCount").asInt() + " | " + page;
		}, new Peer(peerGraphql, (data) -> {
			JsonNode connection = data.path("clustersConnection");
			List<String> page = new ArrayList<>();
			for (JsonNode edge : connection.path("edges")) {
				JsonNode c = edge.path("node");
				page.add(listed(CLUSTER_PREFIX + c.path("key").asString(), c.path("name").asString(),
						codeNames(c.path("provinces")), codeNames(c.path("industries")), keys(c.path("programs"))));
			}
			return "totalCount " + connection.path("totalCount").asInt() + " | " + page;
		}));
	}

	/**
	 * Query 6: for every pair of programs, the clusters they share and the
	 * prefecture-level units in which both have a cluster.
	 */
	static CanonicalQuery programOverlap() {
		return programOverlap(6, "programOverlap", Argument.NONE, "", "", "");
	}

	/**
	 * Query 11: query 6 narrowed to the pairs of one program, as an analyst asks what one
	 * list shares with each of the others. The floor computes every pair and keeps that
	 * program's, as query 6's does.
	 */
	static CanonicalQuery programOverlapOfOne() {
		return programOverlap(11, "programOverlap(program)", Argument.PROGRAM, "($program: String)",
				", program: $program", "\n\t\t\t\tWITH a, b WHERE a.key = $program OR b.key = $program");
	}

	private static CanonicalQuery programOverlap(int number, String name, Argument argument, String variables,
			String arguments, String narrowing) {
		String graphql = "query" + variables + " { programOverlap(regionLevel: PREFECTURE" + arguments
				+ ") { a { key } b { key } sharedClusters sharedRegions clusterJaccard } }";
		// Prefecture-level units defined as in query 3, without Region.countsAt; each
		// program's clusters and units collected once, then paired.
		String cypher = """
				MATCH (p:Program)
				CALL (p) {
					OPTIONAL MATCH (p)<-[:LISTED_IN]-(c:Cluster)
					RETURN collect(DISTINCT c.key) AS clusters
				}
				CALL (p) {
					OPTIONAL MATCH (p)<-[:LISTED_IN]-(:Cluster)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(u:Region)
					WHERE u.level = 'PREFECTURE'
						OR (u.level = 'PROVINCE' AND u.code IN ['110000', '120000', '310000', '500000'])
						OR (u.level = 'COUNTY' AND EXISTS {
							(u)-[:LOCATED_IN]->(province:Region {level: 'PROVINCE'})
							WHERE NOT province.code IN ['110000', '120000', '310000', '500000'] })
					RETURN collect(DISTINCT u.code) AS units
				}
				WITH collect({key: p.key, clusters: clusters, units: units}) AS programs
				UNWIND programs AS a
				UNWIND programs AS b
				WITH a, b WHERE a.key < b.key%s
				WITH a, b, size([k IN a.clusters WHERE k IN b.clusters]) AS shared
				RETURN a.key AS a, b.key AS b, shared AS sharedClusters,
					size([u IN a.units WHERE u IN b.units]) AS sharedRegions,
					CASE size(a.clusters) + size(b.clusters) - shared WHEN 0 THEN 0.0
						ELSE toFloat(shared) / (size(a.clusters) + size(b.clusters) - shared) END AS clusterJaccard"""
			.formatted(narrowing);
		return new CanonicalQuery(number, name, argument, graphql, cypher, (data) -> {
			List<String> pairs = new ArrayList<>();
			for (JsonNode pair : data.path("programOverlap")) {
				pairs.add(overlap(pair.path("a").path("key").asString(), pair.path("b").path("key").asString(),
						pair.path("sharedClusters").asInt(), pair.path("sharedRegions").asInt(),
						pair.path("clusterJaccard").asDouble()));
			}
			return sorted(pairs);
		}, (records) -> {
			List<String> pairs = new ArrayList<>();
			for (Record pair : records) {
				pairs
					.add(overlap(pair.get("a").asString(), pair.get("b").asString(), pair.get("sharedClusters").asInt(),
							pair.get("sharedRegions").asInt(), pair.get("clusterJaccard").asDouble()));
			}
			return sorted(pairs);
		}, null);
	}

	/**
	 * Query 7: industries of the division level whose clusters (those of the industries
	 * below included) lie in at least two provinces.
	 */
	static CanonicalQuery industrySpread() {
		String graphql = """
				{ industrySpread(level: DIVISION) { industry { code name } provinceCount provinces { code } clusterCount } }""";
		// Provinces found by walking up the regions rather than through the load's
		// IN_PROVINCE, so that comparing the answers checks those too.
		String cypher = """
				MATCH (i:Industry {level: 'DIVISION'})<-[:BELONGS_TO*0..]-(:Industry)<-[:BELONGS_TO]-(c:Cluster)
				WITH i, collect(DISTINCT c) AS clusters
				CALL (clusters) {
					UNWIND clusters AS c
					MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(p:Region {level: 'PROVINCE'})
					RETURN collect(DISTINCT p.code) AS provinces
				}
				WITH i, provinces, size(clusters) AS clusterCount
				WHERE size(provinces) >= 2
				RETURN i.code AS code, i.name AS name, size(provinces) AS provinceCount, provinces, clusterCount""";
		return new CanonicalQuery(7, "industrySpread", Argument.NONE, graphql, cypher, (data) -> {
			List<String> spreads = new ArrayList<>();
			for (JsonNode spread : data.path("industrySpread")) {
				spreads.add(spread(spread.path("industry").path("code").asString(),
						spread.path("industry").path("name").asString(), spread.path("provinceCount").asInt(),
						codes(spread.path("provinces")), spread.path("clusterCount").asInt()));
			}
			return sorted(spreads);
		}, (records) -> {
			List<String> spreads = new ArrayList<>();
			for (Record spread : records) {
				spreads.add(spread(spread.get("code").asString(), spread.get("name").asString(),
						spread.get("provinceCount").asInt(),
						new TreeSet<>(spread.get("provinces").asList(Value::asString)),
						spread.get("clusterCount").asInt()));
			}
			return sorted(spreads);
		}, null);
	}

	/**
	 * Query 12: a dashboard's counts for a region (a province or a prefecture), as the
	 * explorer asks them: its clusters by program, by industry division and by the level
	 * of the regions they are located in. The floor finds the region's clusters and their
	 * divisions by walking the region and industry trees rather than through the codes
	 * the load writes on each cluster, so that comparing the answers checks those too;
	 * each facet is counted in a subquery of its own.
	 */
	static CanonicalQuery facetsOfRegion() {
		String graphql = """
				query($region: String!) { clusterFacets(filter: {region: $region}) { total \
				byProgram { program { key } count } byIndustry(level: DIVISION) { industry { code } count } \
				byRegionLevel { regionLevel count } } }""";
		String cypher = """
				MATCH (c:Cluster)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(:Region {code: $region})
				WITH collect(DISTINCT c) AS clusters
				CALL (clusters) {
					UNWIND clusters AS c
					MATCH (c)-[:LISTED_IN]->(p:Program)
					WITH p, count(DISTINCT c) AS n
					RETURN collect(p.key + ' ' + n) AS byProgram
				}
				CALL (clusters) {
					UNWIND clusters AS c
					MATCH (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(i:Industry {level: 'DIVISION'})
					WITH i, count(DISTINCT c) AS n
					RETURN collect(i.code + ' ' + n) AS byIndustry
				}
				CALL (clusters) {
					UNWIND clusters AS c
					MATCH (c)-[:LOCATED_IN]->(r:Region)
					WITH r.level AS level, count(DISTINCT c) AS n
					RETURN collect(level + ' ' + n) AS byRegionLevel
				}
				RETURN size(clusters) AS total, byProgram, byIndustry, byRegionLevel""";
		return new CanonicalQuery(12, "clusterFacets(filter: {region})", Argument.REGION, graphql, cypher, (data) -> {
			JsonNode facets = data.path("clusterFacets");
			return facets(facets.path("total").asInt(), groups(facets.path("byProgram"), "program", "key"),
					groups(facets.path("byIndustry"), "industry", "code"),
					groups(facets.path("byRegionLevel"), null, "regionLevel"));
		}, (records) -> {
			Record row = records.get(0);
			return facets(row.get("total").asInt(), row.get("byProgram").asList(Value::asString),
					row.get("byIndustry").asList(Value::asString), row.get("byRegionLevel").asList(Value::asString));
		}, null);
	}

	/** The list every program's list is compared with in query 13. */
	static final String NATIONAL_LIST = "miit-sme";

	/** The clusters query 13 asks for on each side. */
	static final int COMPARED = 20;

	/**
	 * Query 13: a program's list against the national list of every edition, the
	 * analyst's question of which of a list's clusters the nation recognized too: how
	 * many only the one, only the other and both hold, and the first of each by id.
	 */
	static CanonicalQuery listAgainstTheNationalList() {
		String graphql = """
				query($program: String!) { compareLists(from: {program: $program}, to: {program: "%s"}, first: %d) { \
				onlyInFrom { count clusters { id name } } onlyInTo { count clusters { id name } } \
				inBoth { count clusters { id name } } } }""".formatted(NATIONAL_LIST, COMPARED);
		String cypher = """
				MATCH (c:Cluster)-[:LISTED_IN]->(p:Program)
				WHERE p.key IN [$program, '%s']
				WITH c.key AS key, collect(DISTINCT p.key) AS lists
				WITH key, CASE WHEN size(lists) = 2 OR $program = '%s' THEN 'inBoth'
					WHEN lists[0] = $program THEN 'onlyInFrom' ELSE 'onlyInTo' END AS side
				ORDER BY key
				WITH side, count(key) AS clusters, collect('Cluster:' + key)[..%d] AS ids
				RETURN side, clusters, ids""".formatted(NATIONAL_LIST, NATIONAL_LIST, COMPARED);
		return new CanonicalQuery(13, "compareLists(program, national list)", Argument.PROGRAM, graphql, cypher,
				(data) -> {
					JsonNode comparison = data.path("compareLists");
					List<String> sides = new ArrayList<>();
					for (String side : List.of("onlyInFrom", "onlyInTo", "inBoth")) {
						List<String> ids = new ArrayList<>();
						comparison.path(side).path("clusters").forEach((c) -> ids.add(c.path("id").asString()));
						sides.add(side + " " + comparison.path(side).path("count").asInt() + " " + ids);
					}
					return String.join(" | ", sides);
				}, (records) -> {
					Map<String, String> bySide = new HashMap<>();
					for (Record row : records) {
						bySide.put(row.get("side").asString(), row.get("side").asString() + " "
								+ row.get("clusters").asInt() + " " + row.get("ids").asList(Value::asString));
					}
					List<String> sides = new ArrayList<>();
					for (String side : List.of("onlyInFrom", "onlyInTo", "inBoth")) {
						sides.add(bySide.getOrDefault(side, side + " 0 []"));
					}
					return String.join(" | ", sides);
				}, null);
	}

	/** A facet's groups as "name count", from the API's answer. */
	private static List<String> groups(JsonNode facet, @Nullable String object, String field) {
		List<String> groups = new ArrayList<>();
		for (JsonNode group : facet) {
			JsonNode named = (object != null) ? group.path(object) : group;
			groups.add(named.path(field).asString() + " " + group.path("count").asInt());
		}
		return groups;
	}

	private static String facets(int total, List<String> byProgram, List<String> byIndustry,
			List<String> byRegionLevel) {
		return "total " + total + " | programs " + sorted(byProgram) + " | divisions " + sorted(byIndustry)
				+ " | levels " + sorted(byRegionLevel);
	}

	/**
	 * Query 8: full-text search over every name, best first.
	 */
	static CanonicalQuery search() {
		String graphql = """
				query($text: String!) { search(text: $text, first: %d) { score node { id } } }"""
			.formatted(SEARCH_HITS);
		// The text's pairs first when it has one ($pairs), then the names that share only
		// characters with it, scaled below the last pair's score as the API does.
		String cypher = """
				CALL db.index.fulltext.queryNodes(CASE WHEN $pairs THEN 'search_pairs' ELSE 'search_names' END, $query,
				  {limit: %1$d}) YIELD node, score
				WITH collect({node: node, score: score}) AS found
				OPTIONAL CALL (found) {
				  WITH found WHERE $pairs AND size(found) < %1$d
				  CALL db.index.fulltext.queryNodes('search_names', $query, {limit: %1$d + size(found)}) YIELD node, score
				  WITH found, node, score WHERE NOT node IN [hit IN found | hit.node]
				  RETURN collect({node: node, score: score})[..%1$d - size(found)] AS others
				}
				WITH found, coalesce(others, []) AS others
				WITH found + CASE WHEN found = [] OR others = [] THEN others
				  ELSE [hit IN others | {node: hit.node, score: hit.score * (found[-1].score / (2 * others[0].score))}] END AS hits
				UNWIND hits AS hit
				WITH hit.node AS node, hit.score AS score
				WITH node, score, labels(node)[0] AS label, coalesce(node.key, node.code) AS key
				RETURN label + ':' + key AS id, score
				ORDER BY score DESC, label, key"""
			.formatted(SEARCH_HITS);
		return new CanonicalQuery(8, "search", Argument.TEXT, graphql, cypher, (data) -> {
			List<String> hits = new ArrayList<>();
			for (JsonNode hit : data.path("search")) {
				hits.add(hit(hit.path("node").path("id").asString(), hit.path("score").asDouble()));
			}
			return hits.toString();
		}, (records) -> {
			List<String> hits = new ArrayList<>();
			for (Record hit : records) {
				hits.add(hit(hit.get("id").asString(), hit.get("score").asDouble()));
			}
			return hits.toString();
		}, null);
	}

	/** Query 9: the first page of every cluster, by key. */
	static CanonicalQuery firstPage() {
		return rootPage(9, "clusters, page 1", Argument.NONE, "", "''");
	}

	/**
	 * Query 10: a page of every cluster deep in the connection, after a keyset cursor.
	 */
	static CanonicalQuery deepPage() {
		return rootPage(10, "clusters, deep page", Argument.AFTER, "($after: String)", "$after");
	}

	private static CanonicalQuery rootPage(int number, String name, Argument argument, String declaration,
			String after) {
		String graphql = """
				query%s { clusters(first: %d%s) { edges { node { id name } } pageInfo { hasNextPage } } }"""
			.formatted(declaration, ROOT_PAGE, declaration.isEmpty() ? "" : ", after: $after");
		String cypher = """
				MATCH (c:Cluster) WHERE c.key > %s
				RETURN 'Cluster:' + c.key AS id, c.name AS name
				ORDER BY c.key LIMIT %d""".formatted(after, ROOT_PAGE + 1);
		return new CanonicalQuery(number, name, argument, graphql, cypher, (data) -> {
			JsonNode connection = data.path("clusters");
			List<String> page = new ArrayList<>();
			for (JsonNode edge : connection.path("edges")) {
				page.add(edge.path("node").path("id").asString() + " " + edge.path("node").path("name").asString());
			}
			return page + " next " + connection.path("pageInfo").path("hasNextPage").asBoolean();
		}, (records) -> {
			List<String> page = new ArrayList<>();
			for (Record c : records.subList(0, Math.min(records.size(), ROOT_PAGE))) {
				page.add(c.get("id").asString() + " " + c.get("name").asString());
			}
			return page + " next " + (records.size() > ROOT_PAGE);
		}, null);
	}

	/**
	 * The Lucene query the API's search sends for a text.
	 */
	static String luceneQuery(String text) {
		return SearchText.luceneQuery(SearchText.normalize(text));
	}

	private static String overlap(String a, String b, int sharedClusters, int sharedRegions, double jaccard) {
		return String.format(Locale.ROOT, "%s %s clusters %d regions %d jaccard %.9f", a, b, sharedClusters,
				sharedRegions, jaccard);
	}

	private static String spread(String code, String name, int provinceCount, Set<String> provinces, int clusterCount) {
		return code + " " + name + " provinces " + provinceCount + " " + provinces + " clusters " + clusterCount;
	}

	/** One search hit; the order is the answer's, scores to six places. */
	private static String hit(String id, double score) {
		return String.format(Locale.ROOT, "%s %.6f", id, score);
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

	/**
	 * The one cluster of the peer's list of clusters by key: null (a JSON null) for none,
	 * missing for several.
	 */
	private static JsonNode onlyCluster(JsonNode clusters) {
		return switch (clusters.size()) {
			case 0 -> NullNode.getInstance();
			case 1 -> clusters.path(0);
			default -> MissingNode.getInstance();
		};
	}

	/** The distinct keys of a list, sorted: the peer lists a program once per listing. */
	private static String keys(JsonNode list) {
		Set<String> keys = new TreeSet<>();
		for (JsonNode item : list) {
			keys.add(item.path("key").asString());
		}
		return keys.toString();
	}

	/** One cluster of query 5's page; the page keeps its order, which is by key. */
	private static String listed(String id, String name, String provinces, String industries, String programs) {
		return id + " " + name + " provinces " + provinces + " industries " + industries + " programs " + programs;
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
	 * One industry of query 2: its clusters in other provinces among the first page,
	 * which holds the first clusters by key on every side.
	 */
	private static String peers(String code, String name, int totalCount, List<String> elsewhere) {
		return code + " " + name + " totalCount " + totalCount + " elsewhere " + sorted(elsewhere);
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
