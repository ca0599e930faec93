// Stores written before generations served their graph by label alone, with no generation on its
// nodes and no Serving node. Makes that graph generation 0 and serves it, so that it keeps being
// answered until the first load switches to its own. No parameters; a no-op once a Serving node
// exists.
OPTIONAL MATCH (s:Serving {key: 'graph'})
WITH s WHERE s IS NULL
MATCH (n:Cluster|Region|Industry|Program|Dataset) WHERE n.generation IS NULL
CALL (n) {
  SET n.generation = 0
} IN TRANSACTIONS OF 5000 ROWS
