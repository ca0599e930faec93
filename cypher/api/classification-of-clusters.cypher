// $keys: cluster keys. How each industry of each cluster was decided (its BELONGS_TO relationship:
// rule, confidence, what matched and the listings behind it), with the industry's parent code, by
// industry code.
MATCH (c:Cluster)-[b:BELONGS_TO]->(i:Industry) WHERE c.key IN $keys
OPTIONAL MATCH (i)-[:BELONGS_TO]->(p:Industry)
RETURN c.key AS cluster, i {.code, .name, .level, parent: p.code} AS industry, b.rule AS rule,
       b.confidence AS confidence, b.detail AS detail, b.evidence AS evidence
ORDER BY i.code
