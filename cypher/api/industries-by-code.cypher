// $codes: industry codes. Those industries that exist.
MATCH (i:Industry) WHERE i.code IN $codes
RETURN i {.*} AS industry
