// $requests: [{id, parent: an industry code, descendants: boolean, provinces: boolean, offset, limit}].
// For each request, one page of the clusters that belong to the industry (or, with descendants, to
// it or any industry under it) by key, and how many there are in all. With provinces, each cluster
// of the page carries its provinces by code, as Cluster.provinces would read them.
MATCH (served:Serving {key: 'graph'})
UNWIND $requests AS req
MATCH (i:Industry {code: req.parent, generation: served.generation})
CALL (i, req) {
  MATCH (i)<-[:BELONGS_TO*0..]-(x:Industry)<-[:BELONGS_TO]-(c:Cluster)
  WHERE req.descendants OR x = i
  WITH DISTINCT c
  ORDER BY c.key
  RETURN collect(c) AS items
}
RETURN req.id AS id, size(items) AS total,
       [c IN items[req.offset..req.offset + req.limit] | c {.*,
         provinces: CASE WHEN req.provinces THEN
           COLLECT { MATCH (c)-[:IN_PROVINCE]->(p:Region) WITH p ORDER BY p.code RETURN p {.*} } END}] AS page
