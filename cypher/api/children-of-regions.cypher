// $requests: [{id, parent: a region code, offset, limit}]. For each request, one page of the
// regions directly under the region (development zones included) by code, and how many there are.
MATCH (served:Serving {key: 'graph'})
UNWIND $requests AS req
MATCH (r:Region {code: req.parent, generation: served.generation})
CALL (r) {
  MATCH (r)<-[:LOCATED_IN]-(child:Region)
  WITH child
  ORDER BY child.code
  RETURN collect(child {.code, .name, .level, .parent}) AS items
}
RETURN req.id AS id, items[req.offset..req.offset + req.limit] AS page, size(items) AS total
