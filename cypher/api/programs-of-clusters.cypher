// $keys: cluster keys. The distinct programs listing each cluster, by key.
MATCH (c:Cluster)-[:LISTED_IN]->(p:Program) WHERE c.key IN $keys
WITH DISTINCT c, p
RETURN c.key AS cluster, p {.key, .name, .issuer, .level, .years,
       clusterCount: COUNT { MATCH (p)<-[:LISTED_IN]-(c:Cluster) RETURN DISTINCT c }} AS program
ORDER BY p.key
