// $codes: region codes. Those regions that exist.
MATCH (served:Serving {key: 'graph'})
MATCH (r:Region) WHERE r.code IN $codes AND r.generation = served.generation
RETURN r {.code, .name, .level, .parent} AS region
