// $fromProgram, $fromYear, $toProgram, $toYear: two lists (a program, or one edition of it when the
// year is not null); $fromStart, $fromEnd, $toStart, $toEnd: the bounds, exclusive, of each edition's
// listingOrder (ListingOrder.from and to); $first: how many keys to return per side. One row per side
// that has clusters: side ('from' only in the first list, 'to' only in the second, 'both'), how many
// clusters, and the first $first of their keys in key order. Each list's listings are read from an
// index: an edition's from listing_order (the program's listings of that year, between the bounds), a
// whole program's from program_members; not every listing of both programs, of which an edition is a
// sixteenth at a thousand times the seeds. On a graph loaded before the listings carried their
// cluster's key, one pass over the two programs' listings. The branch a list does not take seeks with
// a null bound, which reads nothing (a WITH ... WHERE before it was planned after the seek).
MATCH (served:Serving {key: 'graph'})
// (whether the served graph's listings carry their cluster's key: the first listing of its first
// program tells, the scan hint keeping a relationship scan through every listing of both generations
// out of the plan)
WITH served, coalesce(head(COLLECT { MATCH ()-[l:LISTED_IN]->(p:Program) USING SCAN p:Program
                                     WHERE p.generation = served.generation
                                     RETURN l.cluster IS NOT NULL AS indexed LIMIT 1 }), false) AS indexed
CALL (served, indexed) {
  UNWIND [{program: $fromProgram, year: $fromYear, start: $fromStart, end: $fromEnd, from: 1, to: 0},
          {program: $toProgram, year: $toYear, start: $toStart, end: $toEnd, from: 0, to: 1}] AS list
  CALL (served, indexed, list) {
    MATCH ()-[l:LISTED_IN]->()
    USING INDEX SEEK l:LISTED_IN(generation, program, listingOrder)
    WHERE l.generation = served.generation AND l.program = list.program
      AND l.listingOrder > CASE WHEN indexed AND list.year IS NOT NULL THEN list.start END
      AND l.listingOrder < list.end
    RETURN l.cluster AS key
    UNION ALL
    MATCH ()-[l:LISTED_IN]->()
    USING INDEX SEEK l:LISTED_IN(generation, program, cluster)
    WHERE l.generation = served.generation AND l.program = list.program
      AND l.cluster > CASE WHEN indexed AND list.year IS NULL THEN '' END
    RETURN l.cluster AS key
    UNION ALL
    WITH served, list WHERE NOT indexed
    MATCH (c:Cluster)-[l:LISTED_IN]->(p:Program {key: list.program, generation: served.generation})
    WHERE list.year IS NULL OR l.year = list.year
    RETURN c.key AS key
  }
  RETURN key, list.from AS inFrom, list.to AS inTo
}
WITH key, max(inFrom) AS inFrom, max(inTo) AS inTo
WITH key, CASE WHEN inFrom + inTo = 2 THEN 'both' WHEN inFrom = 1 THEN 'from' ELSE 'to' END AS side
ORDER BY key
WITH side, count(key) AS clusters, collect(key) AS keys
RETURN side, clusters, keys[..$first] AS keys
