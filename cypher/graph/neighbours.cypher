// $nodes: element ids; $selected: the element ids the view holds already; $room: how many more it
// may take; $probe: whether to read only the node with the most clusters of its own; $bound: a cluster
// key, or null. The distinct neighbours of those nodes over LISTED_IN, LOCATED_IN and BELONGS_TO in
// either direction that the view does not hold, each with its global id, the first $room + 1 by that
// id (one more than fits tells the caller that the cap cut the view short). Only those rows leave the
// database: at a thousand times the seeds a cluster's industries and programs have tens of thousands
// of neighbours, and sixteen requests holding all of them ran a 1 GiB service out of heap.
// A program, region or industry is not expanded whole either: its clusters are read from the members
// index of its kind (program_members, region_members, industry_members) in key order, the first
// $room + 1 that the view does not hold. Since "Cluster:" sorts before "Industry:", "Program:" and
// "Region:", and the first $room + 1 of all the nodes' neighbours are among the first $room + 1 of
// each node's, that is all a node with that many clusters can give; only a region or industry with
// fewer has its other regions or industries (its parent and the ones directly under it) read as
// well, by expanding it, which then walks past fewer than $room + 1 clusters the view does not hold.
// A cluster's neighbours are a few and are expanded; so is a node whose relationships lack the index
// properties (a graph loaded before they existed, which serves until the upgrade's reload switches).
// Many such nodes (the third hop from a county: its clusters' programs, regions and industries) would
// each give $room + 1 clusters to be merged. So the caller first probes the node with the most
// clusters of its own ($probe): when its $room + 1st neighbour is a cluster, that cluster's key bounds
// the first $room + 1 of them all, and no node's clusters are read above it ($bound), nor any region
// or industry expanded. Cluster keys are hexadecimal digits, all below the bound '\uFFFF' that stands
// for none.
UNWIND $nodes AS eid
MATCH (n) WHERE elementId(n) = eid
WITH n
ORDER BY CASE WHEN n:Program THEN coalesce(n.clusterCount, 0) WHEN n:Cluster THEN -1 ELSE coalesce(n.memberCount, 0) END DESC
LIMIT CASE WHEN $probe THEN 1 ELSE size($nodes) END
WITH n, coalesce($bound, '\uFFFF') AS bound, CASE
  WHEN n:Program THEN head(COLLECT { MATCH ()-[l:LISTED_IN]->(n) RETURN l.cluster IS NOT NULL LIMIT 1 })
  WHEN n:Region THEN head(COLLECT { MATCH (:Cluster)-[l:LOCATED_IN]->(n) RETURN l.cluster IS NOT NULL LIMIT 1 })
  WHEN n:Industry THEN head(COLLECT { MATCH (:Cluster)-[l:BELONGS_TO]->(n) RETURN l.cluster IS NOT NULL LIMIT 1 })
END AS indexed
CALL (n, indexed, bound) {
  WITH n WHERE indexed IS NULL OR NOT indexed
  MATCH (n)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(m)
  RETURN m
  UNION
  WITH n WHERE indexed AND n:Program
  MATCH (m:Cluster)-[l:LISTED_IN]->()
  USING INDEX SEEK l:LISTED_IN(generation, program, cluster)
  WHERE l.generation = n.generation AND l.program = n.key AND l.cluster > '' AND l.cluster <= bound AND NOT elementId(m) IN $selected
  WITH DISTINCT l.generation AS generation, l.program AS program, l.cluster AS key, m
  ORDER BY generation, program, key
  LIMIT $room + 1
  RETURN m
  UNION
  WITH n WHERE indexed AND n:Region
  CALL (n, bound) {
    MATCH (m:Cluster)-[l:LOCATED_IN]->()
    USING INDEX SEEK l:LOCATED_IN(generation, region, cluster)
    WHERE l.generation = n.generation AND l.region = n.code AND l.cluster > '' AND l.cluster <= bound AND NOT elementId(m) IN $selected
    WITH DISTINCT l.generation AS generation, l.region AS region, l.cluster AS key, m
    ORDER BY generation, region, key
    LIMIT $room + 1
    RETURN collect(m) AS clusters
  }
  UNWIND clusters + CASE WHEN size(clusters) > $room OR $bound IS NOT NULL THEN [] ELSE COLLECT { MATCH (n)-[:LOCATED_IN]-(r:Region) RETURN r } END AS m
  RETURN m
  UNION
  WITH n WHERE indexed AND n:Industry
  CALL (n, bound) {
    MATCH (m:Cluster)-[l:BELONGS_TO]->()
    USING INDEX SEEK l:BELONGS_TO(generation, industry, cluster)
    WHERE l.generation = n.generation AND l.industry = n.code AND l.cluster > '' AND l.cluster <= bound AND NOT elementId(m) IN $selected
    WITH DISTINCT l.generation AS generation, l.industry AS industry, l.cluster AS key, m
    ORDER BY generation, industry, key
    LIMIT $room + 1
    RETURN collect(m) AS clusters
  }
  UNWIND clusters + CASE WHEN size(clusters) > $room OR $bound IS NOT NULL THEN [] ELSE COLLECT { MATCH (n)-[:BELONGS_TO]-(i:Industry) RETURN i } END AS m
  RETURN m
}
WITH DISTINCT m
WHERE NOT elementId(m) IN $selected
WITH m, CASE WHEN m:Cluster THEN 'Cluster:' + m.key WHEN m:Program THEN 'Program:' + m.key
             WHEN m:Region THEN 'Region:' + m.code ELSE 'Industry:' + m.code END AS id
ORDER BY id
LIMIT $room + 1
RETURN elementId(m) AS node, id
