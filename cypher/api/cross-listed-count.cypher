// $minPrograms. How many clusters are listed by at least $minPrograms distinct programs.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)
WHERE c.generation = served.generation AND COUNT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p } >= $minPrograms
RETURN count(c) AS total
