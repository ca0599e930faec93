// $keys: cluster keys. The distinct programs listing each cluster, by key.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[:LISTED_IN]->(p:Program) WHERE c.key IN $keys AND c.generation = served.generation
WITH DISTINCT c, p
RETURN c.key AS cluster, p {.*} AS program
ORDER BY p.key
