// $requests: [{id, parent: a program key, year: an edition or null, offset, limit}]; $reach: the
// largest offset + limit among them. For each request, one page of the program's listings (of one
// edition when year is given) by year and rank, each with its cluster's and program's keys, and how
// many there are in all.
// The page is the first $reach listings in that order (a top-k: its memory follows the page, where
// collecting every listing of a list of hundreds of thousands ran past the transaction memory
// limit), sliced to the request's offset; only the page's listings are read whole. The total is
// the program's degree without a year, and a count of the year's listings with one.
MATCH (served:Serving {key: 'graph'})
UNWIND $requests AS req
MATCH (p:Program {key: req.parent, generation: served.generation})
CALL (p, req) {
  MATCH (c:Cluster)-[l:LISTED_IN]->(p)
  WHERE req.year IS NULL OR l.year = req.year
  WITH c, l
  ORDER BY l.year, l.rank, c.key
  LIMIT $reach
  RETURN collect({cluster: c, listing: l}) AS first
}
RETURN req.id AS id,
       [item IN first[req.offset..req.offset + req.limit] |
         {cluster: item.cluster.key, program: p.key, listing: properties(item.listing)}] AS page,
       CASE WHEN req.year IS NULL THEN COUNT { (p)<-[:LISTED_IN]-() }
            ELSE COUNT { (p)<-[l:LISTED_IN]-() WHERE l.year = req.year } END AS total
