// $keys: cluster keys. The provinces of the regions each cluster is LOCATED_IN, by code (picked out
// after the walk up, as in cluster-with-places).
MATCH (c:Cluster)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(r:Region) WHERE c.key IN $keys
WITH DISTINCT c, r WHERE r.level = 'PROVINCE'
RETURN c.key AS cluster, r {.code, .name, .level, parent: null} AS region
ORDER BY r.code
