// No parameters. The number of clusters when no filter is given, as the load counted it on the served
// generation's Dataset node: a few seeks instead of a scan (api/clusters-count, with a filter, reads
// every node); 0 before the first load.
OPTIONAL MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
RETURN coalesce(d.clusterCount, 0) AS total
