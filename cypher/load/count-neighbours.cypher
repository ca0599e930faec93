// $generation: the generation the load stages. Records on each of its programs, regions and
// industries how many distinct neighbours it has over LISTED_IN, LOCATED_IN and BELONGS_TO in either
// direction (degree), counted as graph/view counts a cluster's, so that a drawn program, region or
// industry reads its degree and does not walk its members, tens of thousands on a large graph, on
// every neighborhood or shortestPath that draws it. Runs after every relationship of the generation
// is written; GraphLoadTests checks the degrees against the walks.
MATCH (n:Program|Region|Industry) WHERE n.generation = $generation
SET n.degree = COUNT { MATCH (n)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]-(m) RETURN DISTINCT m }
