// $keys: cluster keys. Those clusters that exist.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster) WHERE c.key IN $keys AND c.generation = served.generation
RETURN c {.key, .name, .industryPhrase} AS cluster
