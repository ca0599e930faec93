// $requests: [{id, parent: a program key, year: an edition or null, from, to, limit}]; $reach: the
// largest limit among them. For each request, one page of the program's listings (of one edition
// when year is given) by year and rank, each with its cluster's and program's keys, and how many
// there are in all.
// The page is the first listings whose listingOrder lies between from and to (ListingOrder: after the
// cursor's listing and within the year), read in that order from the listing_order index: its
// cost follows the page, not the program's size or how deep the page lies. The total is the
// program's degree without a year, and the year's count that load/summarize-programs recorded with
// one. The program is named by req.parent, not p.key, inside the subquery (see
// editions-of-programs' history: the planner refuses p.key there).
MATCH (served:Serving {key: 'graph'})
UNWIND $requests AS req
MATCH (p:Program {key: req.parent, generation: served.generation})
CALL (req, served) {
  MATCH (c:Cluster)-[l:LISTED_IN]->()
  USING INDEX SEEK l:LISTED_IN(generation, program, listingOrder)
  WHERE l.generation = served.generation AND l.program = req.parent
    AND l.listingOrder > req.from AND l.listingOrder < req.to
  WITH c, l ORDER BY l.generation, l.program, l.listingOrder LIMIT $reach
  RETURN collect({cluster: c.key, listing: l}) AS first
}
RETURN req.id AS id,
       [item IN first[0..req.limit] | {cluster: item.cluster, program: req.parent, listing: properties(item.listing)}]
         AS page,
       CASE WHEN req.year IS NULL THEN COUNT { (p)<-[:LISTED_IN]-() }
            ELSE coalesce(head([i IN range(0, coalesce(size(p.editionYears), 0) - 1) WHERE p.editionYears[i] = req.year
                                | p.editionListings[i]]), 0) END AS total
