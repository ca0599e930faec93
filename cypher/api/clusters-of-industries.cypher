// $requests: [{id, parent: an industry code, descendants: boolean, offset, limit}]. For each
// request, one page of the clusters that belong to the industry (or, with descendants, to it or
// any industry under it) by key, and how many there are in all.
UNWIND $requests AS req
MATCH (i:Industry {code: req.parent})
CALL (i, req) {
  MATCH (i)<-[:BELONGS_TO*0..]-(x:Industry)<-[:BELONGS_TO]-(c:Cluster)
  WHERE req.descendants OR x = i
  WITH DISTINCT c
  ORDER BY c.key
  RETURN collect(c {.key, .name, .industryPhrase}) AS items
}
RETURN req.id AS id, items[req.offset..req.offset + req.limit] AS page, size(items) AS total
