// $region, $industry, $program, $year, $nameContains: the filters of clusters-page, each null when
// not given. How many clusters match them all.
// Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (c:Cluster)
WHERE ($region IS NULL OR EXISTS { (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(:Region {code: $region}) })
  AND ($industry IS NULL OR EXISTS { (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(:Industry {code: $industry}) })
  AND (($program IS NULL AND $year IS NULL) OR EXISTS {
        (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year) })
  AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
RETURN count(c) AS total
