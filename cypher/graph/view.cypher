// $nodes: element ids. Each of those nodes with its global id, label, name and number of distinct
// neighbours in the whole graph (a program's, region's or industry's as the load recorded it,
// load/count-neighbours; a cluster's, and any node's on a graph loaded before that, counted); and
// every LISTED_IN, LOCATED_IN and BELONGS_TO relationship between two of them, with the year and
// rank of a listing.
MATCH (n) WHERE elementId(n) IN $nodes
WITH collect(n) AS ns
CALL (ns) {
  UNWIND ns AS n
  WITH n, CASE WHEN n:Cluster THEN 'Cluster' WHEN n:Program THEN 'Program'
               WHEN n:Region THEN 'Region' ELSE 'Industry' END AS label
  RETURN collect({node: elementId(n), label: label, name: n.name,
                  id: label + ':' + coalesce(n.key, n.code),
                  degree: CASE WHEN n.degree IS NOT NULL THEN n.degree
                               ELSE COUNT { MATCH (n)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(m) RETURN DISTINCT m } END}) AS nodes
}
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r:LISTED_IN|LOCATED_IN|BELONGS_TO]->(b)
  WHERE b IN ns
  RETURN collect({type: type(r), source: elementId(a), target: elementId(b), year: r.year, rank: r.rank}) AS edges
}
RETURN nodes, edges
