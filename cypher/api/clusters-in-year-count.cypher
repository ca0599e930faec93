// $year: an edition year; $regionLevel, $recognizedIn, $nameContains: the other filters of
// clusters-page, each null when not given. How many clusters clusters-in-year-page pages through:
// the clusters of the year's listings in the listing_years index that match the other filters,
// written out as in clusters-page, each cluster once; the year's listings are read, not every cluster.
// On a graph loaded before the listings carried their cluster's key, counted as clusters-count counts.
MATCH (served:Serving {key: 'graph'})
// (whether the served graph's listings carry their cluster's key: the first listing of its first
// program tells, the scan hint keeping a relationship scan through every listing of both generations
// out of the plan)
WITH served, coalesce(head(COLLECT { MATCH ()-[l:LISTED_IN]->(p:Program) USING SCAN p:Program
                                     WHERE p.generation = served.generation
                                     RETURN l.cluster IS NOT NULL AS indexed LIMIT 1 }), false) AS indexed
CALL (served, indexed) {
  MATCH (c:Cluster)-[l:LISTED_IN]->()
  USING INDEX SEEK l:LISTED_IN(generation, year, cluster)
  WHERE l.generation = served.generation AND l.year = $year AND l.cluster > CASE WHEN indexed THEN '' END
    AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  RETURN count(DISTINCT c) AS fromIndex
}
CALL (served, indexed) {
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN indexed THEN null ELSE '' END AND c.generation = served.generation
    AND EXISTS { (c)-[l:LISTED_IN]->(:Program) WHERE l.year = $year
          AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) }
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  RETURN count(c) AS scanned
}
RETURN fromIndex + scanned AS total
