// Stores written before generations staged the next graph under Staged* labels and retired the
// served one under Retired; a load killed at the wrong moment left such nodes. No read reaches them.
// No parameters.
MATCH (n:Staged|Retired)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 1000 ROWS
