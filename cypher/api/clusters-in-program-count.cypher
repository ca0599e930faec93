// $program: a program key; $regionLevel, $year, $recognizedIn, $nameContains: the other filters of
// clusters-page, each null when not given. How many clusters clusters-in-program-page pages through.
// With the program alone, its clusterCount, and with a year besides, that edition's count in
// editionClusters: both recorded by the load (load/summarize-programs), the counts clusters-count
// would make by reading every cluster. With other filters, the clusters of the program's listings
// that match them, written out as in clusters-page, each cluster once: the program's listings are
// read, not every cluster. 0 for a key the served graph does not hold.
OPTIONAL MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (p:Program {key: $program, generation: served.generation})
WITH p,
     $regionLevel IS NULL AND $recognizedIn IS NULL AND $nameContains IS NULL
       AND ($year IS NULL OR p.editionYears IS NOT NULL) AS recorded
CALL (p, recorded) {
  WITH p WHERE p IS NOT NULL AND NOT recorded
  MATCH (c:Cluster)-[l:LISTED_IN]->(p)
  WHERE ($year IS NULL OR l.year = $year)
    AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  RETURN count(DISTINCT c) AS matching
}
RETURN CASE WHEN p IS NULL THEN 0
            WHEN NOT recorded THEN coalesce(matching, 0)
            WHEN $year IS NULL THEN coalesce(p.clusterCount, 0)
            ELSE coalesce(head([i IN range(0, size(p.editionYears) - 1) WHERE p.editionYears[i] = $year
                                | p.editionClusters[i]]), 0) END AS total
