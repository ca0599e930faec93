// $industry: an industry code; $region, $regionLevel, $program, $year, $recognizedIn, $nameContains: the
// other filters of clusters-page, each null when not given ($region is, since clusters-in-region
// answers a filter that names a region); $after, $limit: the page, the first $limit clusters whose key
// is above $after ('' for the first page); $links: whether to read each cluster's provinces,
// industries and programs too (null lists otherwise). The page clusters-page gives for a filter that
// names an industry (the clusters whose inIndustries hold it and that match every other given filter,
// by key), read the way clusters-of-industries reads Industry.clusters with its descendants: the merge
// of the runs of its memberIndustries in the industry_members index (a cluster in two of them once),
// each run read in key order until $limit of its clusters match, or, for a wide industry (see there),
// the clusters in key order as clusters-page reads them. The other filters are those of
// clusters-page, written out here once per way of reading (a filter added there goes here and into
// clusters-in-industry-count too; ClusterPageTests compares the three statements for every industry
// alone, and for a sample of industries with the other filters). The SEEK hints keep the plans on
// the indexes whatever the store's statistics say.
MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
MATCH (i:Industry {code: $industry, generation: served.generation})
WITH served, i,
     size(coalesce(i.memberIndustries, [])) * coalesce(i.treeMemberCount, 0) > coalesce(d.clusterCount, 0) AS wide
CALL (i, served, wide) {
  // not wide: the seek's bound is null, which no key is above, so it reads nothing
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN wide THEN $after END AND c.generation = served.generation AND i.code IN c.inIndustries
    AND ($region IS NULL OR $region IN c.inRegions)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
          (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
            AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  WITH c ORDER BY c.key LIMIT $limit
  RETURN collect({key: c.key, cluster: c}) AS scanned
}
CALL (i, served, wide) {
  UNWIND CASE WHEN wide THEN [] ELSE coalesce(i.memberIndustries, []) END AS code
  CALL (code, served) {
    MATCH (c:Cluster)-[m:BELONGS_TO]->()
    USING INDEX SEEK m:BELONGS_TO(generation, industry, cluster)
    WHERE m.generation = served.generation AND m.industry = code AND m.cluster > $after
      AND ($region IS NULL OR $region IN c.inRegions)
      AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
      AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
            (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
              AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
      AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
    RETURN m.cluster AS key, c
    ORDER BY m.generation, m.industry, m.cluster
    LIMIT $limit
  }
  RETURN collect({key: key, cluster: c}) AS merged
}
UNWIND scanned + merged AS member
WITH DISTINCT member.key AS key, member.cluster AS c
ORDER BY key
LIMIT $limit
RETURN c {.key, .name, .industryPhrase} AS cluster,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } END AS provinces,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.code, .name, .level, .parent} } END AS industries,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) WITH DISTINCT p ORDER BY p.key RETURN p {.*} } END AS programs
ORDER BY cluster.key
