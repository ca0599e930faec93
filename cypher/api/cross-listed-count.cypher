// $minPrograms. How many clusters are listed by at least $minPrograms distinct programs.
MATCH (c:Cluster)
WHERE COUNT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p } >= $minPrograms
RETURN count(c) AS total
