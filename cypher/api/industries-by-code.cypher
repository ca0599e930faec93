// $codes: industry codes. Those industries that exist, with their parent's code.
MATCH (i:Industry) WHERE i.code IN $codes
OPTIONAL MATCH (i)-[:BELONGS_TO]->(parent:Industry)
RETURN i {.code, .name, .level, parent: parent.code} AS industry
