// $codes: industry codes. The direct children of each industry, by code.
MATCH (i:Industry)<-[:BELONGS_TO]-(child:Industry) WHERE i.code IN $codes
RETURN i.code AS code, child {.*} AS child
ORDER BY child.code
