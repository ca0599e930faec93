// $level: the region level at which shared regions are counted (Region.countsAt: the
// prefecture-level units at PREFECTURE). For every pair of distinct programs a and b with
// a.key < b.key: the clusters both list, the clusters either lists, and the regions of that level
// in which both have a cluster (clusters located in a region's descendants count for it).
// Each pair's counts are grouped from the clusters and regions that have several programs, never
// by comparing two programs' lists (which grew with the product of their sizes); every pair is
// returned, sharing nothing included. The clusters each program lists are its clusterCount,
// written at load.
MATCH (served:Serving {key: 'graph'})
CALL (served) {
  MATCH (c:Cluster)
  WHERE c.generation = served.generation AND COUNT { (c)-[:LISTED_IN]->() } > 1
  WITH COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p.key } AS keys
  UNWIND keys AS a
  UNWIND keys AS b
  WITH a, b
  WHERE a < b
  RETURN a, b, count(*) AS clusters, 0 AS regions
  UNION ALL
  MATCH (u:Region)
  WHERE u.generation = served.generation AND $level IN u.countsAt
  CALL (u) {
    MATCH (u)<-[:LOCATED_IN*0..]-(:Region)<-[:LOCATED_IN]-(:Cluster)-[:LISTED_IN]->(p:Program)
    RETURN collect(DISTINCT p.key) AS keys
  }
  UNWIND keys AS a
  UNWIND keys AS b
  WITH a, b
  WHERE a < b
  RETURN a, b, 0 AS clusters, count(*) AS regions
  UNION ALL
  MATCH (a:Program), (b:Program)
  WHERE a.generation = served.generation AND b.generation = served.generation AND a.key < b.key
  RETURN a.key AS a, b.key AS b, 0 AS clusters, 0 AS regions
}
WITH served, a, b, sum(clusters) AS shared, sum(regions) AS sharedRegions
MATCH (pa:Program {key: a, generation: served.generation}), (pb:Program {key: b, generation: served.generation})
RETURN pa {.*} AS a, pb {.*} AS b, shared AS sharedClusters, sharedRegions,
       CASE pa.clusterCount + pb.clusterCount - shared WHEN 0 THEN 0.0
            ELSE toFloat(shared) / (pa.clusterCount + pb.clusterCount - shared) END AS clusterJaccard
ORDER BY a.key, b.key
