// $keys: cluster keys. Those clusters that exist.
MATCH (c:Cluster) WHERE c.key IN $keys
RETURN c {.*} AS cluster
