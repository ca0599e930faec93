// $fromProgram, $fromYear, $toProgram, $toYear: two lists (a program, or one edition of it when the
// year is not null); $first: how many keys to return per side. What compare-lists answers, for a graph
// loaded before the listings carried their cluster's key, until its next load: one pass over the two
// programs' listings. One row per side that has clusters: side ('from' only in the first list, 'to'
// only in the second, 'both'), how many clusters, and the first $first of their keys in key order.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[l:LISTED_IN]->(p:Program)
WHERE p.key IN [$fromProgram, $toProgram] AND p.generation = served.generation
WITH c.key AS key,
     max(CASE WHEN p.key = $fromProgram AND ($fromYear IS NULL OR l.year = $fromYear) THEN 1 ELSE 0 END) AS inFrom,
     max(CASE WHEN p.key = $toProgram AND ($toYear IS NULL OR l.year = $toYear) THEN 1 ELSE 0 END) AS inTo
WHERE inFrom + inTo > 0
WITH key, CASE WHEN inFrom + inTo = 2 THEN 'both' WHEN inFrom = 1 THEN 'from' ELSE 'to' END AS side
ORDER BY key
WITH side, count(key) AS clusters, collect(key) AS keys
RETURN side, clusters, keys[..$first] AS keys
