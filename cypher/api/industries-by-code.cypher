// $codes: industry codes. Those industries that exist.
MATCH (served:Serving {key: 'graph'})
MATCH (i:Industry) WHERE i.code IN $codes AND i.generation = served.generation
RETURN i {.code, .name, .level, .parent} AS industry
