// $codes: industry codes. The provinces with a cluster of each industry or its descendants, by code.
MATCH (served:Serving {key: 'graph'})
MATCH (i:Industry) WHERE i.code IN $codes AND i.generation = served.generation
MATCH (i)<-[:BELONGS_TO*1..]-(:Cluster)-[:IN_PROVINCE]->(r:Region)
WITH DISTINCT i, r
RETURN i.code AS code, r {.code, .name, .level, .parent} AS province
ORDER BY r.code
