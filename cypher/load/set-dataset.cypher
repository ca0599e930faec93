// $loadedAt, $fingerprint. Stages the record of what the load wrote, counted from the staged graph
// itself: the Dataset node that promote-staged makes current.
MATCH (:StagedCluster)-[l:LISTED_IN]->(:StagedProgram)
WITH count(l) AS listings
MATCH (c:StagedCluster)
WITH listings, count(c) AS clusters
CREATE (d:Staged:StagedDataset {key: 'current'})
SET d.loadedAt = $loadedAt, d.fingerprint = $fingerprint, d.listingCount = listings, d.clusterCount = clusters
RETURN listings, clusters
