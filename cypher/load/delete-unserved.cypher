// No parameters. Deletes the nodes no read reaches, with their relationships, in batches (an
// implicit transaction): those of a load that did not switch (Staged: it failed or was killed) and
// those of the graph a switch replaced (Retired). Run by a load that holds the claim, before it
// stages and after it switches.
MATCH (n:Staged|Retired)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 1000 ROWS
