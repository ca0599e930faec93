// $generation: the generation the load stages. Records on each of its clusters the codes of every
// region it lies in (its LOCATED_IN regions and all above them) and of every industry it belongs to
// (its BELONGS_TO industries and all above them), and the levels of its LOCATED_IN regions, so that
// filters and facets test a list instead of walking the trees for every cluster on every request;
// and how many distinct programs list it (programCount), with crossListing, the key that orders
// crossListedClusters (most programs first, then by key) as one string in the cluster_cross_listing
// index: 999999 less the count, six digits, a colon and the cluster's key.
// Runs after the links, in batches of clusters (an implicit transaction); GraphLoadTests checks them
// against the walks.
MATCH (c:Cluster) WHERE c.generation = $generation
CALL (c) {
  SET c.inRegions = COLLECT { MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(r:Region)
                              RETURN DISTINCT r.code ORDER BY r.code },
      c.inIndustries = COLLECT { MATCH (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(i:Industry)
                                 RETURN DISTINCT i.code ORDER BY i.code },
      c.regionLevels = COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) RETURN DISTINCT r.level ORDER BY r.level }
  WITH c, COUNT { MATCH (c)-[:LISTED_IN]->(p:Program) RETURN DISTINCT p } AS programs
  SET c.programCount = programs,
      c.crossListing = right('00000' + toString(999999 - CASE WHEN programs > 999999 THEN 999999 ELSE programs END), 6)
                       + ':' + c.key
} IN TRANSACTIONS OF 2000 ROWS
