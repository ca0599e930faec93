// $key: a cluster key; $peers: {descendants, provinces, offset, limit}, the one page of Industry.clusters
// a query asks of each of the cluster's industries. What cluster-with-places reads, and with each industry
// what clusters-of-industries would read for it: the total and the page (each cluster with its provinces
// when asked), so that a lookup with its industries' clusters costs one statement. No row when there is
// no such cluster. Provinces are picked out after the walk up, as in cluster-with-places.
MATCH (c:Cluster {key: $key})
CALL (c) {
  MATCH (c)-[:BELONGS_TO]->(i:Industry)
  OPTIONAL MATCH (i)-[:BELONGS_TO]->(parent:Industry)
  WITH i, parent ORDER BY i.code
  CALL (i) {
    MATCH (i)<-[:BELONGS_TO*0..]-(x:Industry)<-[:BELONGS_TO]-(o:Cluster)
    WHERE $peers.descendants OR x = i
    WITH DISTINCT o
    ORDER BY o.key
    RETURN collect(o) AS members
  }
  CALL (members) {
    UNWIND members[$peers.offset..$peers.offset + $peers.limit] AS o
    CALL (o) {
      OPTIONAL MATCH (o)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(p:Region)
      WHERE $peers.provinces
      WITH DISTINCT p WHERE p.level = 'PROVINCE'
      WITH p ORDER BY p.code
      RETURN collect(p {.code, .name, .level, parent: null}) AS provinces
    }
    RETURN collect(o {.key, .name, .industryPhrase,
                      provinces: CASE WHEN $peers.provinces THEN provinces END}) AS page
  }
  RETURN collect(i {.code, .name, .level, parent: parent.code, total: size(members), page: page}) AS industries
}
RETURN c {.key, .name, .industryPhrase} AS cluster,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) OPTIONAL MATCH (r)-[:LOCATED_IN]->(p:Region)
                 WITH r, p ORDER BY r.code RETURN r {.code, .name, .level, parent: p.code} } AS regions,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(r:Region)
                 WITH DISTINCT r WHERE r.level = 'PROVINCE'
                 WITH r ORDER BY r.code RETURN r {.code, .name, .level, parent: null} } AS provinces,
       industries
