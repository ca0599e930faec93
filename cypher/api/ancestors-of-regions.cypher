// $codes: region codes. Each region's ancestors, from the province down to the parent.
MATCH (served:Serving {key: 'graph'})
MATCH path = (r:Region)-[:LOCATED_IN*1..]->(a:Region) WHERE r.code IN $codes AND r.generation = served.generation
RETURN r.code AS code, a {.code, .name, .level, .parent} AS ancestor, length(path) AS distance
ORDER BY code, distance DESC
