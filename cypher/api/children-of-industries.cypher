// $codes: industry codes. The direct children of each industry, by code.
MATCH (served:Serving {key: 'graph'})
MATCH (i:Industry)<-[:BELONGS_TO]-(child:Industry) WHERE i.code IN $codes AND i.generation = served.generation
RETURN i.code AS code, child {.code, .name, .level, .parent} AS child
ORDER BY child.code
