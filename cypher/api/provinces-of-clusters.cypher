// $keys: cluster keys. The provinces each cluster lies in (IN_PROVINCE, written at load), by code.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[:IN_PROVINCE]->(r:Region) WHERE c.key IN $keys AND c.generation = served.generation
RETURN c.key AS cluster, r {.code, .name, .level, .parent} AS region
ORDER BY r.code
