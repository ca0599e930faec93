// $region, $industry, $program, $year, $nameContains: the filters, each null when not given;
// $offset, $limit: the page. Clusters matching every given filter, by key. A region or industry
// filter takes its descendants too; $program and $year must hold for one and the same listing.
// Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (c:Cluster)
WHERE ($region IS NULL OR EXISTS { (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(:Region {code: $region}) })
  AND ($industry IS NULL OR EXISTS { (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(:Industry {code: $industry}) })
  AND (($program IS NULL AND $year IS NULL) OR EXISTS {
        (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year) })
  AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
RETURN c {.*} AS cluster
ORDER BY c.key
SKIP $offset LIMIT $limit
