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
// A graph loaded before listingOrder was written (its programs have no editionYears: it serves
// until the reload that an upgrade starts switches) has nothing in that index. Its pages sort the
// program's listings by the same string, built here as ListingOrder builds it (GraphLoadTests
// pages both ways alike), and count a year's listings; the UNWIND keeps that branch from reading
// anything on a graph that has the index.
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
CALL (p, req) {
  UNWIND CASE WHEN p.editionYears IS NULL THEN [p] ELSE [] END AS earlier
  MATCH (c:Cluster)-[l:LISTED_IN]->(earlier)
  WITH c, l,
       CASE WHEN l.year IS NULL THEN '~~~~' ELSE right('000' + toString(l.year), 4) END + ':'
       + right('00000000' + toString(l.rank), 9) + ':' + c.key + ':' + l.document + ':'
       + right('00000000' + toString(l.line), 9) AS listingOrder
  WHERE listingOrder > req.from AND listingOrder < req.to
  WITH c, l ORDER BY listingOrder LIMIT $reach
  RETURN collect({cluster: c.key, listing: l}) AS unindexed
}
WITH p, req, first + unindexed AS first
RETURN req.id AS id,
       [item IN first[0..req.limit] | {cluster: item.cluster, program: req.parent, listing: properties(item.listing)}]
         AS page,
       CASE WHEN req.year IS NULL THEN COUNT { (p)<-[:LISTED_IN]-() }
            WHEN p.editionYears IS NULL THEN COUNT { (p)<-[l:LISTED_IN]-() WHERE l.year = req.year }
            ELSE coalesce(head([i IN range(0, size(p.editionYears) - 1) WHERE p.editionYears[i] = req.year
                                | p.editionListings[i]]), 0) END AS total
