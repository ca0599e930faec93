// $keys: cluster keys. How each industry of each cluster was decided (its BELONGS_TO relationship:
// rule, confidence, what matched and the listings behind it), by industry code.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[b:BELONGS_TO]->(i:Industry) WHERE c.key IN $keys AND c.generation = served.generation
RETURN c.key AS cluster, i {.code, .name, .level, .parent} AS industry, b.rule AS rule,
       b.confidence AS confidence, b.detail AS detail, b.evidence AS evidence
ORDER BY i.code
