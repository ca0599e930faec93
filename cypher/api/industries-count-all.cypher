// No parameters. The number of industries when no filter is given, as the load counted it on the served
// generation's Dataset node: a few seeks instead of a scan (api/industries-count, with a filter, reads
// every node); 0 before the first load.
OPTIONAL MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
RETURN coalesce(d.industryCount, 0) AS total
