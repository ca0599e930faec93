// No parameters. Deletes, with their relationships and in batches (an implicit transaction), the
// nodes of every generation but the served one: what a load that failed or was killed had staged,
// and the generation a switch replaced. Run by a load that holds the claim, before it stages and
// after it switches.
OPTIONAL MATCH (s:Serving {key: 'graph'})
WITH coalesce(s.generation, -1) AS served
MATCH (n:Cluster|Region|Industry|Program|Dataset)
WHERE n.generation IS NULL OR n.generation <> served
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 1000 ROWS
