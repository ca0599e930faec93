// $keys: cluster keys. The industries each cluster BELONGS_TO, by code.
MATCH (c:Cluster)-[:BELONGS_TO]->(i:Industry) WHERE c.key IN $keys
RETURN c.key AS cluster, i {.*} AS industry
ORDER BY i.code
