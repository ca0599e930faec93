// $generation: the generation the load stages. Records on each of its programs how many distinct
// clusters it lists, so that every read of a program returns its stored properties. Runs after
// create-listings.
MATCH (p:Program) WHERE p.generation = $generation
SET p.clusterCount = COUNT { MATCH (p)<-[:LISTED_IN]-(c:Cluster) RETURN DISTINCT c }
