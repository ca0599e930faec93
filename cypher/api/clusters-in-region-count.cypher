// $region: a region code; $regionLevel, $industry, $program, $year, $recognizedIn, $nameContains: the
// other filters of clusters-page, each null when not given. How many clusters
// clusters-in-region-page pages through. With the region alone, its treeMemberCount, which the load
// counted from the clusters' inRegions (load/count-region-clusters): the count clusters-count would
// make by reading every cluster. With other filters, the region's clusters (from the
// province_members index for a province, the region_members runs of its memberRegions otherwise,
// each cluster once) that match them, written out as in clusters-page: the region's clusters are
// read, not every cluster. 0 for a code the served graph does not hold.
OPTIONAL MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (r:Region {code: $region, generation: served.generation})
WITH served, r,
     $industry IS NULL AND $regionLevel IS NULL AND $program IS NULL AND $year IS NULL
       AND $recognizedIn IS NULL AND $nameContains IS NULL AS alone
CALL (served, r, alone) {
  WITH served, r WHERE r IS NOT NULL AND NOT alone
  CALL (served, r) {
    WITH served, r WHERE r.level = 'PROVINCE'
    MATCH (c:Cluster)-[m:IN_PROVINCE]->()
    USING INDEX SEEK m:IN_PROVINCE(generation, region, cluster)
    WHERE m.generation = served.generation AND m.region = r.code AND m.cluster IS NOT NULL
    RETURN c
    UNION
    WITH served, r WHERE r.level <> 'PROVINCE'
    UNWIND coalesce(r.memberRegions, []) AS code
    MATCH (c:Cluster)-[m:LOCATED_IN]->()
    USING INDEX SEEK m:LOCATED_IN(generation, region, cluster)
    WHERE m.generation = served.generation AND m.region = code AND m.cluster IS NOT NULL
    RETURN c
  }
  WITH DISTINCT c
  WHERE ($industry IS NULL OR $industry IN c.inIndustries)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
          (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
            AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  RETURN count(c) AS matching
}
RETURN CASE WHEN alone THEN coalesce(r.treeMemberCount, 0) ELSE coalesce(matching, 0) END AS total
