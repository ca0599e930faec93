// $region: a region code; $regionLevel, $industry, $program, $year, $recognizedIn, $nameContains: the
// other filters of clusters-page, each null when not given; $after, $limit: the page, the first $limit
// clusters whose key is above $after ('' for the first page); $links: whether to read each cluster's
// provinces, industries and programs too (null lists otherwise). The page clusters-page gives for a
// filter that names a region (the clusters whose inRegions hold it and that match every other given
// filter, by key), read the way clusters-of-regions reads Region.clusters with its descendants: a
// province's clusters from the province_members index, another region's as the merge of the runs of
// its memberRegions in the region_members index (a cluster in two of them once), each run read in key
// order until $limit of its clusters match. clusters-page reads every cluster in key order until
// $limit match, all of them for a region that holds a few; this reads the region's clusters at most.
// The other filters are those of clusters-page, written out here once per run (a filter added there
// goes here and into clusters-in-region-count too; ClusterPageTests compares the three statements
// for every region alone, and for a sample of regions with each other filter). The SEEK hints keep the plans on the indexes
// whatever the store's statistics say.
MATCH (served:Serving {key: 'graph'})
MATCH (r:Region {code: $region, generation: served.generation})
CALL (r, served) {
  WITH r, served WHERE r.level = 'PROVINCE'
  MATCH (c:Cluster)-[m:IN_PROVINCE]->()
  USING INDEX SEEK m:IN_PROVINCE(generation, region, cluster)
  WHERE m.generation = served.generation AND m.region = r.code AND m.cluster > $after
    AND ($industry IS NULL OR $industry IN c.inIndustries)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
          (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
            AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  WITH m, c ORDER BY m.generation, m.region, m.cluster LIMIT $limit
  RETURN collect({key: m.cluster, cluster: c}) AS ofProvince
}
CALL (r, served) {
  UNWIND CASE WHEN r.level = 'PROVINCE' THEN [] ELSE coalesce(r.memberRegions, []) END AS code
  CALL (code, served) {
    MATCH (c:Cluster)-[m:LOCATED_IN]->()
    USING INDEX SEEK m:LOCATED_IN(generation, region, cluster)
    WHERE m.generation = served.generation AND m.region = code AND m.cluster > $after
      AND ($industry IS NULL OR $industry IN c.inIndustries)
      AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
      AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
            (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
              AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
      AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
    RETURN m.cluster AS key, c
    ORDER BY m.generation, m.region, m.cluster
    LIMIT $limit
  }
  RETURN collect({key: key, cluster: c}) AS ofRegions
}
UNWIND ofProvince + ofRegions AS member
WITH DISTINCT member.key AS key, member.cluster AS c
ORDER BY key
LIMIT $limit
RETURN c {.key, .name, .industryPhrase} AS cluster,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } END AS provinces,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.code, .name, .level, .parent} } END AS industries,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) WITH DISTINCT p ORDER BY p.key RETURN p {.*} } END AS programs
ORDER BY cluster.key
