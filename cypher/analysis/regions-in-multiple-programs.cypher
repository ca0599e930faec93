// $level: a region level; $minPrograms. Regions counted at $level (Region.countsAt: the
// prefecture-level units at PREFECTURE) in which clusters of at least $minPrograms distinct programs
// are located (clusters located in a region's descendants count), most programs first, then most
// clusters, then by code. Walks up from each cluster, which visits far fewer regions than walking
// down from each unit.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(u:Region)
WHERE c.generation = served.generation AND $level IN u.countsAt
WITH DISTINCT u, c
MATCH (c)-[:LISTED_IN]->(p:Program)
WITH u, count(DISTINCT p) AS programCount, collect(DISTINCT p.key) AS programs, count(DISTINCT c) AS clusterCount
WHERE programCount >= $minPrograms
RETURN u {.*} AS region, programCount, programs, clusterCount
ORDER BY programCount DESC, clusterCount DESC, u.code
