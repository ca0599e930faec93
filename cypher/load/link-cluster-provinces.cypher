// $generation: the generation the load stages. Links each of its clusters to the provinces its
// regions lie in, so that reads of a cluster's provinces are one hop. The rule names how the link
// was derived and `via` the cluster's LOCATED_IN regions it was derived from (their own evidence
// names the listings); with the generation, the province's code and the cluster's key, for the
// province_members index (schema/province-members), from which a province's clusters are read in key
// order. Runs after link-cluster-regions and link-regions, in batches of clusters (an
// implicit transaction). Relationships never leave a generation, so the walk needs no filter.
MATCH (c:Cluster) WHERE c.generation = $generation
CALL (c) {
  MATCH (c)-[:LOCATED_IN]->(r:Region)
  // the walk starts from r and the level is tested on the ancestors it found: a predicate on a
  // matched p let a fresh store's planner, from an empty sample of the level index, start at
  // every province and walk the whole region tree down for each cluster (2.4 million rows for
  // the seed's 608 clusters, 2.5-4.5 s)
  UNWIND [a IN COLLECT { MATCH (r)-[:LOCATED_IN*0..]->(a:Region) RETURN a } WHERE a.level = 'PROVINCE'] AS p
  WITH p, collect(DISTINCT r.code) AS via
  CREATE (c)-[:IN_PROVINCE {rule: 'province-of-located-in', via: via, generation: $generation, region: p.code,
    cluster: c.key}]->(p)
} IN TRANSACTIONS OF 2000 ROWS
