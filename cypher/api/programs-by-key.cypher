// $keys: program keys. Those programs that exist.
MATCH (p:Program) WHERE p.key IN $keys
RETURN p {.*} AS program
