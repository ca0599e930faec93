// $from, $to: element ids of two distinct nodes; $maxLength: at most 10; $through: the labels an
// intermediate node may carry. The nodes (with global id, label, name and degree, read as graph/view
// reads it) and the relationships of a shortest path over LISTED_IN, LOCATED_IN and BELONGS_TO in
// either direction; among several of the same length, the first by the global ids of its nodes. No
// row when no such path is within $maxLength hops.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
// The label test sits inside the quantified pattern, so the search checks it hop by hop; as a
// predicate on the whole path it made the planner fall back to an exhaustive search, which ran for
// seconds when no path qualified.
MATCH p = ALL SHORTEST (a)
          (()-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(n) WHERE elementId(n) = $to OR any(l IN labels(n) WHERE l IN $through)){1,10}
          (b)
WHERE length(p) <= $maxLength
WITH p, [n IN nodes(p) | CASE WHEN n:Cluster THEN 'Cluster:' + n.key WHEN n:Program THEN 'Program:' + n.key
                              WHEN n:Region THEN 'Region:' + n.code ELSE 'Industry:' + n.code END] AS ids
ORDER BY ids
LIMIT 1
UNWIND range(0, size(ids) - 1) AS i
WITH p, ids[i] AS id, nodes(p)[i] AS n
WITH p, collect({node: elementId(n), id: id, label: split(id, ':')[0], name: n.name,
                 degree: CASE WHEN n.degree IS NOT NULL THEN n.degree
                              ELSE COUNT { MATCH (n)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(m) RETURN DISTINCT m } END}) AS nodes
RETURN nodes,
       [r IN relationships(p) | {type: type(r), source: elementId(startNode(r)), target: elementId(endNode(r)),
        year: r.year, rank: r.rank}] AS edges
