// $minPrograms. How many clusters are listed by at least $minPrograms distinct programs, from the
// tally the load recorded on the served generation's Dataset node (load/set-dataset); 0 before the
// first load.
OPTIONAL MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
WITH coalesce(d.programCounts, []) AS counts, coalesce(d.clustersByProgramCount, []) AS tally
RETURN reduce(total = 0, i IN range(0, size(counts) - 1) |
         total + CASE WHEN counts[i] >= $minPrograms THEN tally[i] ELSE 0 END) AS total
