// $nodes: element ids. The distinct neighbours of those nodes over LISTED_IN, LOCATED_IN and
// BELONGS_TO in either direction, each with its global id so that callers can order them.
UNWIND $nodes AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH (n)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(m)
WITH DISTINCT m
RETURN elementId(m) AS node,
       CASE WHEN m:Cluster THEN 'Cluster:' + m.key WHEN m:Program THEN 'Program:' + m.key
            WHEN m:Region THEN 'Region:' + m.code ELSE 'Industry:' + m.code END AS id
