// $keys: program keys. Those programs that exist.
MATCH (served:Serving {key: 'graph'})
MATCH (p:Program) WHERE p.key IN $keys AND p.generation = served.generation
RETURN p {.*} AS program
