// No parameters. The number of regions when no filter is given, from the database's count of the
// label's nodes instead of a scan (api/regions-count, with a filter, reads every Region).
MATCH (r:Region)
RETURN count(r) AS total
