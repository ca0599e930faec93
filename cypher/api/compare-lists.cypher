// $fromProgram, $fromYear, $toProgram, $toYear: two lists (a program, or one edition of it when the
// year is not null); $fromStart, $fromEnd, $toStart, $toEnd: the bounds, exclusive, of each edition's
// listingOrder (ListingOrder.from and to); $first: how many keys to return per side; $lookupAt: how
// many times the smaller list's clusters the larger must have to be looked up (below). One row per side
// that has clusters: side ('from' only in the first list, 'to' only in the second, 'both'), how many
// clusters, and the first $first of their keys in key order; or, on a graph loaded before the
// listings carried their cluster's key, one row with indexed false (compare-lists-walk answers).
//
// Each list is read from an index: an edition from listing_order (the program's listings of that
// year, between the bounds), a whole program from program_members. The load's counts of each list's
// clusters (a program's clusterCount, an edition's editionClusters) and of the clusters two programs
// share (sharedWith, sharedClusters) choose one of three ways:
// - counted, two whole programs: the counts are the load's, and a request reads only the first
//   clusters of each side in key order: the smaller's that the larger lists too and those it does
//   not, each sought in the other's program_members, and the larger's own (below).
// - lookup, when the larger list is a whole program with $lookupAt times the smaller's clusters or
//   more (at scale, one edition against the national list of every edition): the smaller list is
//   read whole and each of its clusters sought in the larger's program_members, which counts the
//   clusters both hold and those only the smaller does.
//   In both, the larger's own count is its load count less those shared, and its first own clusters
//   are read in key order past those the smaller holds too: the smaller's size plus $first listings
//   at most, not the larger's 190,000.
// - merge, otherwise: both lists read whole and grouped by cluster, which costs less than seeking
//   when the two are of a size.
// A branch that is not taken seeks with a null bound, which reads nothing.
MATCH (served:Serving {key: 'graph'})
// (whether the served graph's listings carry their cluster's key: the first listing of its first
// program tells, the scan hint keeping a relationship scan through every listing of both generations
// out of the plan)
WITH served, coalesce(head(COLLECT { MATCH ()-[l:LISTED_IN]->(p:Program) USING SCAN p:Program
                                     WHERE p.generation = served.generation
                                     RETURN l.cluster IS NOT NULL AS indexed LIMIT 1 }), false) AS indexed
MATCH (pf:Program {key: $fromProgram, generation: served.generation})
MATCH (pt:Program {key: $toProgram, generation: served.generation})
WITH served, indexed,
     {side: 'from', program: $fromProgram, year: $fromYear, start: $fromStart, end: $fromEnd,
      clusters: CASE WHEN $fromYear IS NULL THEN pf.clusterCount
                ELSE [i IN range(0, size(pf.editionYears) - 1) WHERE pf.editionYears[i] = $fromYear | pf.editionClusters[i]][0] END}
       AS f,
     {side: 'to', program: $toProgram, year: $toYear, start: $toStart, end: $toEnd,
      clusters: CASE WHEN $toYear IS NULL THEN pt.clusterCount
                ELSE [i IN range(0, size(pt.editionYears) - 1) WHERE pt.editionYears[i] = $toYear | pt.editionClusters[i]][0] END}
       AS t,
     // the clusters two whole programs share, as the load counted them (a program shares all its own)
     CASE WHEN $fromYear IS NULL AND $toYear IS NULL AND pf.sharedWith IS NOT NULL THEN
       CASE WHEN $fromProgram = $toProgram THEN pf.clusterCount
            ELSE coalesce([i IN range(0, size(pf.sharedWith) - 1) WHERE pf.sharedWith[i] = $toProgram | pf.sharedClusters[i]][0], 0) END
     END AS recorded
// (a list without the load's count, which no graph whose listings carry the key lacks, is walked too)
WITH served, indexed AND f.clusters IS NOT NULL AND t.clusters IS NOT NULL AS indexed, recorded,
     CASE WHEN t.clusters < f.clusters THEN [t, f] ELSE [f, t] END AS lists
WITH served, indexed, recorded, lists[0] AS small, lists[1] AS large
WITH served, indexed, recorded, small, large,
     recorded IS NULL AND large.year IS NULL AND large.clusters >= $lookupAt * small.clusters AS lookup
// counted: the smaller program's first clusters that the larger lists too, and those it does not
CALL (served, indexed, small, large, recorded) {
  CALL (served, indexed, small, large, recorded) {
    MATCH ()-[l:LISTED_IN]->()
    USING INDEX SEEK l:LISTED_IN(generation, program, cluster)
    WHERE l.generation = served.generation AND l.program = small.program
      AND l.cluster > CASE WHEN indexed AND recorded > 0 AND $first > 0 THEN '' END
      AND EXISTS { MATCH ()-[m:LISTED_IN]->()
                   USING INDEX SEEK m:LISTED_IN(generation, program, cluster)
                   WHERE m.generation = served.generation AND m.program = large.program AND m.cluster = l.cluster }
    // (ordered as the index is, so that the first $first end the read)
    WITH l.cluster AS key
    ORDER BY l.generation, l.program, l.cluster
    WITH DISTINCT key
    LIMIT $first
    RETURN collect(key) AS bothKeys
  }
  CALL (served, indexed, small, large, recorded) {
    MATCH ()-[l:LISTED_IN]->()
    USING INDEX SEEK l:LISTED_IN(generation, program, cluster)
    WHERE l.generation = served.generation AND l.program = small.program
      AND l.cluster > CASE WHEN indexed AND small.clusters > recorded AND $first > 0 THEN '' END
      AND NOT EXISTS { MATCH ()-[m:LISTED_IN]->()
                       USING INDEX SEEK m:LISTED_IN(generation, program, cluster)
                       WHERE m.generation = served.generation AND m.program = large.program AND m.cluster = l.cluster }
    WITH l.cluster AS key
    ORDER BY l.generation, l.program, l.cluster
    WITH DISTINCT key
    LIMIT $first
    RETURN collect(key) AS smallOnlyKeys
  }
  RETURN {both: recorded, smallOnly: small.clusters - recorded, bothKeys: bothKeys, smallOnlyKeys: smallOnlyKeys}
         AS counted
}
// lookup: every cluster of the smaller list, sought in the larger program
CALL (served, indexed, small, large, lookup) {
  CALL (served, indexed, small, lookup) {
    MATCH ()-[l:LISTED_IN]->()
    USING INDEX SEEK l:LISTED_IN(generation, program, listingOrder)
    WHERE l.generation = served.generation AND l.program = small.program
      AND l.listingOrder > CASE WHEN indexed AND lookup AND small.year IS NOT NULL THEN small.start END
      AND l.listingOrder < small.end
    RETURN l.cluster AS key
    UNION ALL
    MATCH ()-[l:LISTED_IN]->()
    USING INDEX SEEK l:LISTED_IN(generation, program, cluster)
    WHERE l.generation = served.generation AND l.program = small.program
      AND l.cluster > CASE WHEN indexed AND lookup AND small.year IS NULL THEN '' END
    RETURN l.cluster AS key
  }
  WITH DISTINCT key
  WITH key, EXISTS { MATCH ()-[m:LISTED_IN]->()
                     USING INDEX SEEK m:LISTED_IN(generation, program, cluster)
                     WHERE m.generation = served.generation AND m.program = large.program AND m.cluster = key } AS shared
  ORDER BY key
  RETURN {both: count(CASE WHEN shared THEN key END), smallOnly: count(CASE WHEN NOT shared THEN key END),
          bothKeys: collect(CASE WHEN shared THEN key END)[..$first],
          smallOnlyKeys: collect(CASE WHEN NOT shared THEN key END)[..$first]} AS looked
}
WITH served, indexed, small, large, lookup,
     CASE WHEN recorded IS NOT NULL THEN counted WHEN lookup THEN looked END AS sought
// counted or lookup: the larger program's first clusters of its own, in key order
CALL (served, indexed, small, large, sought) {
  MATCH ()-[l:LISTED_IN]->()
  USING INDEX SEEK l:LISTED_IN(generation, program, cluster)
  WHERE l.generation = served.generation AND l.program = large.program
    AND l.cluster > CASE WHEN indexed AND large.clusters > sought.both AND $first > 0 THEN '' END
    AND NOT EXISTS { MATCH ()-[m:LISTED_IN]->()
                     USING INDEX SEEK m:LISTED_IN(generation, program, cluster)
                     WHERE m.generation = served.generation AND m.program = small.program AND m.cluster = l.cluster
                       AND (small.year IS NULL OR m.year = small.year) }
  WITH l.cluster AS key
  ORDER BY l.generation, l.program, l.cluster
  WITH DISTINCT key
  LIMIT $first
  RETURN collect(key) AS largeOnlyKeys
}
// merge: both lists whole, grouped by cluster
CALL (served, indexed, small, large, sought) {
  UNWIND [{list: small, inSmall: 1, inLarge: 0}, {list: large, inSmall: 0, inLarge: 1}] AS side
  WITH served, indexed, sought, side.list AS list, side.inSmall AS inSmall, side.inLarge AS inLarge
  CALL (served, indexed, sought, list) {
    MATCH ()-[l:LISTED_IN]->()
    USING INDEX SEEK l:LISTED_IN(generation, program, listingOrder)
    WHERE l.generation = served.generation AND l.program = list.program
      AND l.listingOrder > CASE WHEN indexed AND sought IS NULL AND list.year IS NOT NULL THEN list.start END
      AND l.listingOrder < list.end
    RETURN l.cluster AS key
    UNION ALL
    MATCH ()-[l:LISTED_IN]->()
    USING INDEX SEEK l:LISTED_IN(generation, program, cluster)
    WHERE l.generation = served.generation AND l.program = list.program
      AND l.cluster > CASE WHEN indexed AND sought IS NULL AND list.year IS NULL THEN '' END
    RETURN l.cluster AS key
  }
  WITH key, max(inSmall) AS inSmall, max(inLarge) AS inLarge
  ORDER BY key
  RETURN {both: count(CASE WHEN inSmall + inLarge = 2 THEN key END),
          smallOnly: count(CASE WHEN inLarge = 0 THEN key END),
          largeOnly: count(CASE WHEN inSmall = 0 THEN key END),
          bothKeys: collect(CASE WHEN inSmall + inLarge = 2 THEN key END)[..$first],
          smallOnlyKeys: collect(CASE WHEN inLarge = 0 THEN key END)[..$first],
          largeOnlyKeys: collect(CASE WHEN inSmall = 0 THEN key END)[..$first]} AS merged
}
WITH indexed, small, large,
     CASE WHEN sought IS NULL THEN merged
          ELSE sought {.*, largeOnly: large.clusters - sought.both, largeOnlyKeys: largeOnlyKeys} END AS sides
UNWIND CASE WHEN NOT indexed THEN [{indexed: false}]
            ELSE [{side: small.side, clusters: sides.smallOnly, keys: sides.smallOnlyKeys},
                  {side: large.side, clusters: sides.largeOnly, keys: sides.largeOnlyKeys},
                  {side: 'both', clusters: sides.both, keys: sides.bothKeys}] END AS row
WITH row WHERE NOT coalesce(row.indexed, true) OR row.clusters > 0
RETURN coalesce(row.indexed, true) AS indexed, row.side AS side, row.clusters AS clusters, row.keys AS keys
