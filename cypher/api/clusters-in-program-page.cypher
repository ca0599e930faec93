// $program: a program key; $regionLevel, $year, $recognizedIn, $nameContains: the other filters of
// clusters-page, each null when not given ($region and $industry are, since clusters-in-region and
// clusters-in-industry answer a filter that names either); $after, $limit: the page, the first
// $limit clusters whose key is above $after ('' for the first page); $links: whether to read each
// cluster's provinces, industries and programs too (null lists otherwise). The page clusters-page
// gives for a filter that names a program (the clusters with a listing of it that matches $year and
// $recognizedIn, and that match the other filters, by key), read from the program_members index: the
// program's listings in the order of their clusters' keys, from the first above $after, until $limit
// clusters match. A cluster listed in several editions has a listing each, side by side there, and
// is taken once. clusters-page reads every cluster in key order until $limit match, all of them for
// a program that lists a few; this reads the program's listings at most. The other filters are those
// of clusters-page, written out here (a filter added there goes here and into
// clusters-in-program-count too; ClusterPageTests compares the three statements for every program,
// alone and with each other filter).
// A graph loaded before the listings carried their cluster's key (it serves until the reload that an
// upgrade starts switches) has nothing of the program's in that index: its page is read from the
// program's own relationships and sorted, which costs the program's size; the seek's bound is then
// null, which no key is above, so the index branch reads nothing, and the other branch's UNWIND is
// empty on a graph that has the index.
MATCH (served:Serving {key: 'graph'})
MATCH (p:Program {key: $program, generation: served.generation})
WITH served, p, head(COLLECT { MATCH ()-[l:LISTED_IN]->(p) RETURN l.cluster IS NOT NULL AS indexed LIMIT 1 }) AS indexed
CALL (served, indexed) {
  MATCH (c:Cluster)-[l:LISTED_IN]->()
  USING INDEX SEEK l:LISTED_IN(generation, program, cluster)
  WHERE l.generation = served.generation AND l.program = $program AND l.cluster > CASE WHEN indexed THEN $after END
    AND ($year IS NULL OR l.year = $year)
    AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  WITH DISTINCT l.generation AS generation, l.program AS program, l.cluster AS key, c
  ORDER BY generation, program, key
  LIMIT $limit
  RETURN collect(c) AS fromIndex
}
CALL (p, indexed) {
  UNWIND CASE WHEN indexed THEN [] ELSE [p] END AS earlier
  MATCH (c:Cluster)-[l:LISTED_IN]->(earlier)
  WHERE c.key > $after
    AND ($year IS NULL OR l.year = $year)
    AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  WITH DISTINCT c ORDER BY c.key LIMIT $limit
  RETURN collect(c) AS fromRelationships
}
UNWIND fromIndex + fromRelationships AS c
WITH c ORDER BY c.key LIMIT $limit
RETURN c {.key, .name, .industryPhrase} AS cluster,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } END AS provinces,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.code, .name, .level, .parent} } END AS industries,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) WITH DISTINCT p ORDER BY p.key RETURN p {.*} } END AS programs
ORDER BY cluster.key
