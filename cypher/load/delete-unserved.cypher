// $label: one of the graph's labels (Cluster, Region, Industry, Program, Dataset); $served: the served
// generation (-1 before the first switch). Deletes, with their relationships and in batches (an
// implicit transaction), the label's nodes of every other generation: what a load that failed or was
// killed had staged, and the generation a switch replaced. Run by a load that holds the claim, before
// it stages and after it switches, once per label. One label and parameters only: a scan of several
// labels, or the Serving node read in the same statement, makes the planner gather every row before
// the first delete (a read/delete conflict), which at x1000 outgrew the database's transaction memory.
MATCH (n:$($label))
WHERE n.generation IS NULL OR n.generation <> $served
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 1000 ROWS
