// $codes: region codes. Each region's ancestors with their parent's code, from the province down to
// the parent.
MATCH path = (r:Region)-[:LOCATED_IN*1..]->(a:Region) WHERE r.code IN $codes
OPTIONAL MATCH (a)-[:LOCATED_IN]->(ap:Region)
RETURN r.code AS code, a {.code, .name, .level, parent: ap.code} AS ancestor, length(path) AS distance
ORDER BY code, distance DESC
