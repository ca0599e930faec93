// $industry: an industry code; $region, $regionLevel, $program, $year, $recognizedIn, $nameContains:
// the other filters of clusters-page, each null when not given. How many clusters
// clusters-in-industry-page pages through. With the industry alone, its treeMemberCount, which the
// load counted from the clusters' inIndustries (load/count-industry-clusters): the count
// clusters-count would make by reading every cluster. With other filters, the industry's clusters
// (the industry_members runs of its memberIndustries, each cluster once; every cluster, for a wide
// industry) that match them, written out as in clusters-page: the industry's clusters are read, not
// every cluster. 0 for a code the served graph does not hold.
OPTIONAL MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (i:Industry {code: $industry, generation: served.generation})
WITH served, i,
     $region IS NULL AND $regionLevel IS NULL AND $program IS NULL AND $year IS NULL
       AND $recognizedIn IS NULL AND $nameContains IS NULL AS alone
CALL (served, i, alone) {
  WITH served, i WHERE i IS NOT NULL AND NOT alone
  OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
  WITH served, i,
       size(coalesce(i.memberIndustries, [])) * coalesce(i.treeMemberCount, 0) > coalesce(d.clusterCount, 0) AS wide
  CALL (served, i, wide) {
    // a wide industry (see clusters-of-industries): its runs hold most clusters, many of them
    // in several runs, so the clusters are read once each instead
    // (not wide: the seek's bound is null, which no key is above, so it reads nothing; a WHERE wide
    // before the MATCH still let the plan read every cluster)
    MATCH (c:Cluster)
    USING INDEX SEEK c:Cluster(key, generation)
    WHERE c.key > CASE WHEN wide THEN '' END AND c.generation = served.generation AND i.code IN c.inIndustries
    RETURN c
    UNION ALL
    WITH served, i WHERE NOT wide
    UNWIND coalesce(i.memberIndustries, []) AS code
    MATCH (c:Cluster)-[m:BELONGS_TO]->()
    USING INDEX SEEK m:BELONGS_TO(generation, industry, cluster)
    WHERE m.generation = served.generation AND m.industry = code AND m.cluster IS NOT NULL
    // a cluster in two of the runs once
    WITH DISTINCT c
    RETURN c
  }
  WITH c
  WHERE true
    AND ($region IS NULL OR $region IN c.inRegions)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
          (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
            AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  RETURN count(c) AS matching
}
RETURN CASE WHEN alone THEN coalesce(i.treeMemberCount, 0) ELSE coalesce(matching, 0) END AS total
