// $codes: region codes. Those regions that exist, with their parent's code.
MATCH (r:Region) WHERE r.code IN $codes
OPTIONAL MATCH (r)-[:LOCATED_IN]->(parent:Region)
RETURN r {.code, .name, .level, parent: parent.code} AS region
