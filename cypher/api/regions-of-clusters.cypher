// $keys: cluster keys. The regions each cluster is LOCATED_IN, by code.
MATCH (c:Cluster)-[:LOCATED_IN]->(r:Region) WHERE c.key IN $keys
RETURN c.key AS cluster, r {.*} AS region
ORDER BY r.code
