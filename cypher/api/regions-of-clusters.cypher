// $keys: cluster keys. The regions each cluster is LOCATED_IN, with their parent's code, by code.
MATCH (c:Cluster)-[:LOCATED_IN]->(r:Region) WHERE c.key IN $keys
OPTIONAL MATCH (r)-[:LOCATED_IN]->(p:Region)
RETURN c.key AS cluster, r {.code, .name, .level, parent: p.code} AS region
ORDER BY r.code
