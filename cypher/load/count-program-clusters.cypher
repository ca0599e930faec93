// No parameters. Records on each staged program how many distinct clusters it lists, so that every
// read of a program returns its stored properties. Runs after create-listings.
MATCH (p:StagedProgram)
SET p.clusterCount = COUNT { MATCH (p)<-[:LISTED_IN]-(c:StagedCluster) RETURN DISTINCT c }
