// No parameters. The record the last load left on the graph, or no row before the first load.
MATCH (served:Serving {key: 'graph'})
MATCH (d:Dataset {key: 'current', generation: served.generation})
RETURN d.loadedAt AS loadedAt, d.fingerprint AS fingerprint,
       d.listingCount AS listingCount, d.clusterCount AS clusterCount
