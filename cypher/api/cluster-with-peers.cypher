// $key: a cluster key; $peers: {descendants, provinces, offset, limit}, the one page of Industry.clusters
// a query asks of each of the cluster's industries. What cluster-with-places reads, and with each industry
// what clusters-of-industries would read for it: the total and the page (each cluster with its provinces
// when asked), so that a lookup with its industries' clusters costs one statement. No row when there is
// no such cluster.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster {key: $key, generation: served.generation})
CALL (c) {
  MATCH (c)-[:BELONGS_TO]->(i:Industry)
  WITH i ORDER BY i.code
  CALL (i) {
    MATCH (i)<-[:BELONGS_TO*0..]-(x:Industry)<-[:BELONGS_TO]-(o:Cluster)
    WHERE $peers.descendants OR x = i
    WITH DISTINCT o
    ORDER BY o.key
    RETURN collect(o) AS members
  }
  RETURN collect(i {.*, total: size(members),
                    page: [o IN members[$peers.offset..$peers.offset + $peers.limit] | o {.*,
                      provinces: CASE WHEN $peers.provinces THEN
                        COLLECT { MATCH (o)-[:IN_PROVINCE]->(p:Region) WITH p ORDER BY p.code RETURN p {.*} } END}]})
         AS industries
}
RETURN c {.*} AS cluster,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) WITH r ORDER BY r.code RETURN r {.*} } AS regions,
       COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.*} } AS provinces,
       industries
