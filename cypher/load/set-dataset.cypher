// $generation, $loadedAt, $fingerprint. Stages the record of what the load wrote, counted from the
// staged generation itself: the Dataset node that switch-generation makes current. The region and
// industry counts answer the unfiltered totalCount of those connections; programCounts and
// clustersByProgramCount (two lists, element by element: so many clusters are listed by so many
// distinct programs, from each cluster's programCount, load/stage-clusters) the totalCount of
// crossListedClusters for any least number of programs; regionLevels and clustersByRegionLevel (two
// lists the same way: so many clusters are located in a region of that level, from each cluster's
// regionLevels) the byRegionLevel facet of every cluster (api/cluster-facets-of-all); recognizedYears
// and clustersRecognizedIn (the same way: so many clusters are recognized in that year, as the filter
// recognizedIn reads a listing, from its year through its validThrough) the totalCount of
// clusters(filter: {recognizedIn}) (api/clusters-count). The years run from the first edition year to
// the year after the last that a listing names, which holds only the listings without a validThrough,
// as every later year does; a year before them has none. None are recorded when no listing has a
// year.
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
CALL (d) {
  MATCH ()-[l:LISTED_IN]->(p:Program) WHERE p.generation = $generation AND l.year IS NOT NULL
  WITH min(l.year) AS first,
       max(CASE WHEN l.validThrough > l.year THEN l.validThrough ELSE l.year END) + 1 AS last
  WHERE first IS NOT NULL
  MATCH (c:Cluster) WHERE c.generation = $generation
  UNWIND COLLECT { MATCH (c)-[l:LISTED_IN]->(:Program) WHERE l.year IS NOT NULL
                   UNWIND range(l.year, coalesce(l.validThrough, last)) AS year
                   RETURN DISTINCT year } AS year
  WITH first, last, year, count(*) AS clusters
  WITH first, last, collect([year, clusters]) AS counted
  SET d.recognizedYears = range(first, last),
      d.clustersRecognizedIn = [year IN range(first, last) | coalesce(head([x IN counted WHERE x[0] = year | x[1]]), 0)]
}
RETURN listings, clusters
