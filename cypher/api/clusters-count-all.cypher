// No parameters. The number of clusters when no filter is given, from the database's count of the
// label's nodes instead of a scan (api/clusters-count, with a filter, reads every Cluster).
MATCH (c:Cluster)
RETURN count(c) AS total
