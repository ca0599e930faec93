// $nodes: element ids; $selected: the element ids the view holds already; $room: how many more it
// may take. The distinct neighbours of those nodes over LISTED_IN, LOCATED_IN and BELONGS_TO in
// either direction that the view does not hold, each with its global id, the first $room + 1 by that
// id (one more than fits tells the caller that the cap cut the view short). Only those rows leave the
// database: at a thousand times the seeds a cluster's industries and programs have tens of thousands
// of neighbours, and sixteen requests holding all of them ran a 1 GiB service out of heap.
UNWIND $nodes AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH (n)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(m)
WITH DISTINCT m
WHERE NOT elementId(m) IN $selected
WITH m, CASE WHEN m:Cluster THEN 'Cluster:' + m.key WHEN m:Program THEN 'Program:' + m.key
             WHEN m:Region THEN 'Region:' + m.code ELSE 'Industry:' + m.code END AS id
ORDER BY id
LIMIT $room + 1
RETURN elementId(m) AS node, id
