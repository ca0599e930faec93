// $keys: cluster keys. The distinct programs listing each cluster, by key.
MATCH (c:Cluster)-[:LISTED_IN]->(p:Program) WHERE c.key IN $keys
WITH DISTINCT c, p
RETURN c.key AS cluster, p {.*} AS program
ORDER BY p.key
