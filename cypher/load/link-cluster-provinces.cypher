// No parameters. Links each cluster to the provinces its regions lie in, so that reads of a
// cluster's provinces are one hop. The rule names how the link was derived and `via` the cluster's
// LOCATED_IN regions it was derived from (their own evidence names the listings). Runs after
// link-cluster-regions and link-regions in the same transaction.
MATCH (c:Cluster)-[:LOCATED_IN]->(r:Region)-[:LOCATED_IN*0..]->(p:Region)
WHERE p.level = 'PROVINCE'
WITH c, p, collect(DISTINCT r.code) AS via
CREATE (c)-[:IN_PROVINCE {rule: 'province-of-located-in', via: via}]->(p)
