// $keys: cluster keys. The industries each cluster BELONGS_TO, with their parent's code, by code.
MATCH (c:Cluster)-[:BELONGS_TO]->(i:Industry) WHERE c.key IN $keys
OPTIONAL MATCH (i)-[:BELONGS_TO]->(p:Industry)
RETURN c.key AS cluster, i {.code, .name, .level, parent: p.code} AS industry
ORDER BY i.code
