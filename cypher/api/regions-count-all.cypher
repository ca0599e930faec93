// No parameters. The number of regions when no filter is given, as the load counted it on the served
// generation's Dataset node: a few seeks instead of a scan (api/regions-count, with a filter, reads
// every node); 0 before the first load.
OPTIONAL MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
RETURN coalesce(d.regionCount, 0) AS total
