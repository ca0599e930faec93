// $keys: cluster keys. The regions each cluster is LOCATED_IN, by code.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[:LOCATED_IN]->(r:Region) WHERE c.key IN $keys AND c.generation = served.generation
RETURN c.key AS cluster, r {.code, .name, .level, .parent} AS region
ORDER BY r.code
