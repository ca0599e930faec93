// $program: a program key; $undated: whether listings of lists without editions count as earlier;
// $first: how many rows. Clusters $program lists that another program listed before: for each, the
// first listing by $program (its earliest edition) and the earliest listing by another program in
// an earlier year (or, with $undated, in a list without editions, whose date is unknown), and the
// lag in years between them (null when the earlier listing has no year). One row: the count of all
// such clusters (total) and the first $first of them (items), longest lag first, then undated ones,
// each by cluster key.
// It collects every cluster of the program with its listings, which a graph a thousand times the seeds
// cannot afford (the national list's 189,000 clusters ran past the transaction memory limit): the
// service reads later-recognitions instead, and this walk only on a graph loaded before the load
// recorded the rows (its programs have no laterRecognitionsDated), until the next load.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[l:LISTED_IN]->(:Program {key: $program, generation: served.generation})
WITH c, min(l.year) AS laterYear
MATCH (c)-[e:LISTED_IN]->(o:Program)
WHERE o.key <> $program
  AND (e.year IS NOT NULL AND laterYear IS NOT NULL AND e.year < laterYear OR e.year IS NULL AND $undated)
WITH c, laterYear, e, o
ORDER BY e.year, o.key, e.rank
WITH c, laterYear, head(collect({program: o.key, listing: e {.*}})) AS earlier
MATCH (c)-[l:LISTED_IN]->(:Program {key: $program})
WHERE laterYear IS NULL OR l.year = laterYear
WITH c, earlier, l
ORDER BY l.rank
WITH c.key AS cluster, earlier, head(collect(l {.*})) AS later
WITH cluster, earlier, later, later.year - earlier.listing.year AS lag
ORDER BY lag IS NULL, lag DESC, cluster
WITH collect({cluster: cluster, earlierProgram: earlier.program, earlier: earlier.listing, later: later, lag: lag})
     AS rows
RETURN size(rows) AS total, rows[..$first] AS items
