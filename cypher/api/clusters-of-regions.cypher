// $requests: [{id, parent: a region code, descendants: boolean, offset, limit}]. For each request,
// one page of the clusters located in the region (or, with descendants, in it or any region under
// it) by key, and how many there are in all.
UNWIND $requests AS req
MATCH (r:Region {code: req.parent})
CALL (r, req) {
  MATCH (r)<-[:LOCATED_IN*0..]-(x:Region)<-[:LOCATED_IN]-(c:Cluster)
  WHERE req.descendants OR x = r
  WITH DISTINCT c
  ORDER BY c.key
  RETURN collect(c {.key, .name, .industryPhrase}) AS items
}
RETURN req.id AS id, items[req.offset..req.offset + req.limit] AS page, size(items) AS total
