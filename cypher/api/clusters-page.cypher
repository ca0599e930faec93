// $region, $regionLevel, $industry, $program, $year, $recognizedIn, $nameContains: the filters, each
// null when not given; $after, $limit: the page, the first $limit clusters whose key is above $after
// ('' for the first page), read in key order from the cluster_key index, so that a deep page costs
// what the first does; $links: whether to read each cluster's provinces, industries and
// programs too (null lists otherwise), so that a page and those fields cost one statement. Clusters
// matching every given filter, by key. A region or industry
// filter takes its descendants too; $program, $year and $recognizedIn
// (a listing from its year through its validThrough, open-ended where null) must hold for one and
// the same listing.
// Region and industry filters read the codes the load wrote on each cluster (inRegions,
// inIndustries: the trees above its regions and industries). Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
// (whether $recognizedIn is a year in which the load counted no cluster recognized, as clusters-count
// reads it: then nothing matches, and the seek's bound is null, which no key is above)
WITH served,
     CASE WHEN $recognizedIn IS NULL OR d.recognizedYears IS NULL THEN false
          WHEN $recognizedIn < head(d.recognizedYears) THEN true
          WHEN $recognizedIn > last(d.recognizedYears) THEN last(d.clustersRecognizedIn) = 0
          ELSE d.clustersRecognizedIn[$recognizedIn - head(d.recognizedYears)] = 0 END AS none
MATCH (c:Cluster)
USING INDEX SEEK c:Cluster(key, generation)
WHERE c.key > CASE WHEN none THEN null ELSE $after END AND c.generation = served.generation
  AND ($region IS NULL OR $region IN c.inRegions)
  AND ($industry IS NULL OR $industry IN c.inIndustries)
  AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
  AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
        (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
          AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
  AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
WITH c ORDER BY c.key LIMIT $limit
RETURN c {.key, .name, .industryPhrase} AS cluster,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } END AS provinces,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.code, .name, .level, .parent} } END AS industries,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) WITH DISTINCT p ORDER BY p.key RETURN p {.*} } END AS programs
ORDER BY cluster.key
