// No parameters. One row per listing: its program, edition, rank, name as listed and source line,
// its cluster, every region it is placed in with their ancestors, its industries with the
// classification's confidence and evidence, the decisions behind each, and the clusters its cluster
// may be one with (POSSIBLY_SAME, either direction). Ordered by program, year and rank.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[l:LISTED_IN]->(p:Program)
WHERE c.generation = served.generation
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
                 RETURN {key: o.key, score: m.score} } AS possibleMatches
ORDER BY program, year, rank
