// No parameters. The first half of the switch to a staged graph, in the same transaction as
// promote-staged: takes the served labels off every node of the graph served now and marks it
// Retired, for delete-unserved to remove after the switch commits.
MATCH (n:Cluster|Region|Industry|Program|Dataset)
SET n:Retired
REMOVE n:Cluster:Region:Industry:Program:Dataset
