// $generation, $loadedAt, $fingerprint. Stages the record of what the load wrote, counted from the
// staged generation itself: the Dataset node that switch-generation makes current. The region and
// industry counts answer the unfiltered totalCount of those connections; programCounts and
// clustersByProgramCount (two lists, element by element: so many clusters are listed by so many
// distinct programs, from each cluster's programCount, load/stage-clusters) the totalCount of
// crossListedClusters for any least number of programs; regionLevels and clustersByRegionLevel (two
// lists the same way: so many clusters are located in a region of that level, from each cluster's
// regionLevels) the byRegionLevel facet of every cluster (api/cluster-facets-of-all).
MATCH (c:Cluster) WHERE c.generation = $generation
WITH count(c) AS clusters, sum(COUNT { (c)-[:LISTED_IN]->() }) AS listings
CREATE (d:Dataset {key: 'current', generation: $generation})
SET d.loadedAt = $loadedAt, d.fingerprint = $fingerprint, d.listingCount = listings, d.clusterCount = clusters,
    d.regionCount = COUNT { MATCH (r:Region) WHERE r.generation = $generation },
    d.industryCount = COUNT { MATCH (i:Industry) WHERE i.generation = $generation }
WITH d, listings, clusters
CALL (d) {
  MATCH (c:Cluster) WHERE c.generation = $generation
  WITH c.programCount AS programs, count(c) AS clusters
  ORDER BY programs
  WITH collect(programs) AS counts, collect(clusters) AS tally
  SET d.programCounts = counts, d.clustersByProgramCount = tally
}
CALL (d) {
  MATCH (c:Cluster) WHERE c.generation = $generation
  UNWIND c.regionLevels AS level
  WITH level, count(*) AS clusters
  ORDER BY level
  WITH collect(level) AS levels, collect(clusters) AS tally
  SET d.regionLevels = levels, d.clustersByRegionLevel = tally
}
RETURN listings, clusters
