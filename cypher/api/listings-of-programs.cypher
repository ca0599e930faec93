// $requests: [{id, parent: a program key, year: an edition or null, offset, limit}]. For each
// request, one page of the program's listings (of one edition when year is given) by year and
// rank, each with its cluster's and program's keys, and how many there are in all.
MATCH (served:Serving {key: 'graph'})
UNWIND $requests AS req
MATCH (p:Program {key: req.parent, generation: served.generation})
CALL (p, req) {
  MATCH (c:Cluster)-[l:LISTED_IN]->(p)
  WHERE req.year IS NULL OR l.year = req.year
  WITH c, l
  ORDER BY l.year, l.rank, c.key
  RETURN collect({cluster: c.key, program: p.key, listing: l {.*}}) AS items
}
RETURN req.id AS id, items[req.offset..req.offset + req.limit] AS page, size(items) AS total
