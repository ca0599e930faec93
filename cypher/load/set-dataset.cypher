// $loadedAt, $fingerprint. Records what the load wrote, counted from the graph itself.
MATCH (:Cluster)-[l:LISTED_IN]->(:Program)
WITH count(l) AS listings
MATCH (c:Cluster)
WITH listings, count(c) AS clusters
MERGE (d:Dataset {key: 'current'})
SET d.loadedAt = $loadedAt, d.fingerprint = $fingerprint, d.listingCount = listings, d.clusterCount = clusters
