// $codes: industry codes. The provinces with a cluster of each industry or its descendants (picked out
// after the walk up, as in cluster-with-places).
MATCH (i:Industry) WHERE i.code IN $codes
MATCH (i)<-[:BELONGS_TO*1..]-(:Cluster)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(r:Region)
WITH DISTINCT i, r WHERE r.level = 'PROVINCE'
RETURN i.code AS code, r {.code, .name, .level, parent: null} AS province
ORDER BY r.code
