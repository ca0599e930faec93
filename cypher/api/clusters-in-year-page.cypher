// $year: an edition year; $regionLevel, $recognizedIn, $nameContains: the other filters of
// clusters-page, each null when not given ($region, $industry and $program are, since
// clusters-in-region, clusters-in-industry and clusters-in-program answer a filter that names one);
// $after, $limit: the page, the first $limit clusters whose key is above $after ('' for the first
// page); $links: whether to read each cluster's provinces, industries and programs too (null lists
// otherwise). The page clusters-page gives for a filter that names a year and no region, industry or
// program (the clusters with a listing of that year that matches $recognizedIn, and that match the
// other filters, by key), read from the listing_years index: the year's listings in the order of their
// clusters' keys, from the first above $after, until $limit clusters match. A cluster listed in the
// year by several programs has a listing each, side by side there, and is taken once. clusters-page
// reads every cluster in key order until $limit match, all of them for a year that matches none; this
// reads the year's listings at most. The other filters are those of clusters-page, written out here
// (a filter added there goes here and into clusters-in-year-count too; ClusterPageTests compares
// this statement and clusters-in-year-count with the general ones for every year, alone and with
// each other filter).
// A graph loaded before the listings carried their cluster's key (it serves until the reload that an
// upgrade starts switches) has nothing in that index: its page is read as clusters-page reads it; the
// bound of the branch that does not apply is null, which no key is above, so it reads nothing.
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
  WHERE l.generation = served.generation AND l.year = $year AND l.cluster > CASE WHEN indexed THEN $after END
    AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  WITH DISTINCT l.generation AS generation, l.year AS year, l.cluster AS key, c
  ORDER BY generation, year, key
  LIMIT $limit
  RETURN collect(c) AS fromIndex
}
CALL (served, indexed) {
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN indexed THEN null ELSE $after END AND c.generation = served.generation
    AND EXISTS { (c)-[l:LISTED_IN]->(:Program) WHERE l.year = $year
          AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) }
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  WITH c ORDER BY c.key LIMIT $limit
  RETURN collect(c) AS scanned
}
UNWIND fromIndex + scanned AS c
WITH c ORDER BY c.key LIMIT $limit
RETURN c {.key, .name, .industryPhrase} AS cluster,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } END AS provinces,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.code, .name, .level, .parent} } END AS industries,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) WITH DISTINCT p ORDER BY p.key RETURN p {.*} } END AS programs
ORDER BY cluster.key
