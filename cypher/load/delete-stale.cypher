// $loadId. Removes nodes the current load did not write (clusters, regions, industries or programs
// that no longer exist in the inputs).
MATCH (n) WHERE (n:Cluster OR n:Region OR n:Industry OR n:Program) AND n.loadId <> $loadId
DETACH DELETE n
