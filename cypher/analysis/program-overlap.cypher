// $level: the region level at which shared regions are counted (Region.countsAt: the
// prefecture-level units at PREFECTURE). For every pair of distinct programs a and b with
// a.key < b.key: the clusters both list, the clusters either lists, and the regions of that level
// in which both have a cluster (clusters located in a region's descendants count for it).
MATCH (p:Program)
CALL (p) {
  MATCH (p)<-[:LISTED_IN]-(c:Cluster)
  RETURN collect(DISTINCT c.key) AS clusters
}
CALL (p) {
  MATCH (p)<-[:LISTED_IN]-(:Cluster)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(u:Region)
  WHERE $level IN u.countsAt
  RETURN collect(DISTINCT u.code) AS regions
}
WITH collect({program: p {.*}, clusters: clusters,
              regions: regions}) AS programs
UNWIND programs AS a
UNWIND programs AS b
WITH a, b
WHERE a.program.key < b.program.key
WITH a, b, size([k IN a.clusters WHERE k IN b.clusters]) AS shared
RETURN a.program AS a, b.program AS b, shared AS sharedClusters,
       size([r IN a.regions WHERE r IN b.regions]) AS sharedRegions,
       CASE size(a.clusters) + size(b.clusters) - shared WHEN 0 THEN 0.0
            ELSE toFloat(shared) / (size(a.clusters) + size(b.clusters) - shared) END AS clusterJaccard
ORDER BY a.key, b.key
