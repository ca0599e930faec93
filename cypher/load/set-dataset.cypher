// $generation, $loadedAt, $fingerprint. Stages the record of what the load wrote, counted from the
// staged generation itself: the Dataset node that switch-generation makes current. The region and
// industry counts answer the unfiltered totalCount of those connections.
MATCH (c:Cluster) WHERE c.generation = $generation
WITH count(c) AS clusters, sum(COUNT { (c)-[:LISTED_IN]->() }) AS listings
CREATE (d:Dataset {key: 'current', generation: $generation})
SET d.loadedAt = $loadedAt, d.fingerprint = $fingerprint, d.listingCount = listings, d.clusterCount = clusters,
    d.regionCount = COUNT { MATCH (r:Region) WHERE r.generation = $generation },
    d.industryCount = COUNT { MATCH (i:Industry) WHERE i.generation = $generation }
RETURN listings, clusters
