// No parameters. The number of industries when no filter is given, from the database's count of the
// label's nodes instead of a scan (api/industries-count, with a filter, reads every Industry).
MATCH (i:Industry)
RETURN count(i) AS total
