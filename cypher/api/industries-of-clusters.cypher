// $keys: cluster keys. The industries each cluster BELONGS_TO, by code.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[:BELONGS_TO]->(i:Industry) WHERE c.key IN $keys AND c.generation = served.generation
RETURN c.key AS cluster, i {.code, .name, .level, .parent} AS industry
ORDER BY i.code
