// $codes: region codes. Those regions that exist.
MATCH (r:Region) WHERE r.code IN $codes
RETURN r {.*} AS region
