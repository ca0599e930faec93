// $minPrograms, $offset, $limit. Clusters listed by at least $minPrograms distinct programs, most
// programs first, then by key.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)
WHERE c.generation = served.generation
WITH c, COUNT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p } AS programs
WHERE programs >= $minPrograms
RETURN c {.*} AS cluster
ORDER BY programs DESC, c.key
SKIP $offset LIMIT $limit
