// $keys: cluster keys. The provinces of the regions each cluster is LOCATED_IN, by code.
MATCH (c:Cluster)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(r:Region {level: 'PROVINCE'}) WHERE c.key IN $keys
WITH DISTINCT c, r
RETURN c.key AS cluster, r {.code, .name, .level, parent: null} AS region
ORDER BY r.code
