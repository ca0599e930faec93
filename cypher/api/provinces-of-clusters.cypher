// $keys: cluster keys. The provinces each cluster lies in (IN_PROVINCE, written at load), by code.
MATCH (c:Cluster)-[:IN_PROVINCE]->(r:Region) WHERE c.key IN $keys
RETURN c.key AS cluster, r {.*} AS region
ORDER BY r.code
