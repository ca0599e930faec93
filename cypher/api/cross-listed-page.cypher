// $minPrograms, $offset, $limit. Clusters listed by at least $minPrograms distinct programs, most
// programs first, then by key.
MATCH (c:Cluster)
WITH c, COUNT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p } AS programs
WHERE programs >= $minPrograms
RETURN c {.*} AS cluster
ORDER BY programs DESC, c.key
SKIP $offset LIMIT $limit
