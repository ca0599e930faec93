// $generation, $program, $after, $limit. While $generation is the one served (else no row: the
// export then finds a program short and fails), the next $limit listings of the program after the
// listing whose listingOrder is $after ('' for the first), in listingOrder (year, rank, then the
// cluster and the source line): their edition, rank, name as listed and source line, their cluster,
// every region each is placed in with their ancestors, their industries with the classification's
// confidence and evidence, the decisions behind each, and the clusters the cluster may be one with
// (POSSIBLY_SAME, either direction). Read from the listing_order index, so that a chunk costs what
// the first does however large the program is.
MATCH (served:Serving {key: 'graph'}) WHERE served.generation = $generation
MATCH (c:Cluster)-[l:LISTED_IN]->(p:Program)
USING INDEX SEEK l:LISTED_IN(generation, program, listingOrder)
WHERE l.generation = served.generation AND l.program = $program AND l.listingOrder > $after
WITH served, c, l, p ORDER BY l.generation, l.program, l.listingOrder LIMIT $limit
OPTIONAL MATCH (r:Region) WHERE r.code IN l.placedIn AND r.generation = served.generation
OPTIONAL MATCH (r)-[:LOCATED_IN*0..]->(a:Region)
WITH served, c, l, p, collect(DISTINCT a {.code, .name, .level}) AS regions
OPTIONAL MATCH (i:Industry) WHERE i.code IN l.industryCodes AND i.generation = served.generation
WITH c, l, p, regions, collect(DISTINCT i {.code, .name}) AS industries
RETURN p.key AS program, l.year AS year, l.rank AS rank, l.nameAsListed AS nameAsListed,
       l.document AS document, l.line AS line, c.key AS cluster, c.name AS clusterName,
       regions, industries, l.decisionAspects AS aspects, l.decisionRules AS rules,
       l.industryConfidence AS industryConfidence, l.industryEvidence AS industryEvidence,
       COLLECT { MATCH (c)-[m:POSSIBLY_SAME]-(o:Cluster) WITH o, m ORDER BY m.score DESC, o.key
                 RETURN {key: o.key, score: m.score} } AS possibleMatches,
       l.listingOrder AS listingOrder
ORDER BY listingOrder
