// No parameters. Records on each program how many distinct clusters it lists, so that every read
// of a program returns its stored properties. Runs after create-listings in the same transaction.
MATCH (p:Program)
SET p.clusterCount = COUNT { MATCH (p)<-[:LISTED_IN]-(c:Cluster) RETURN DISTINCT c }
