// $generation: the generation the load stages. Records on each of its clusters the codes of every
// region it lies in (its LOCATED_IN regions and all above them) and of every industry it belongs to
// (its BELONGS_TO industries and all above them), and the levels of its LOCATED_IN regions, so that
// filters and facets test a list instead of walking the trees for every cluster on every request.
// Runs after the links, in batches of clusters (an implicit transaction); GraphLoadTests checks them
// against the walks.
MATCH (c:Cluster) WHERE c.generation = $generation
CALL (c) {
  SET c.inRegions = COLLECT { MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(r:Region)
                              RETURN DISTINCT r.code ORDER BY r.code },
      c.inIndustries = COLLECT { MATCH (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(i:Industry)
                                 RETURN DISTINCT i.code ORDER BY i.code },
      c.regionLevels = COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) RETURN DISTINCT r.level ORDER BY r.level }
} IN TRANSACTIONS OF 2000 ROWS
