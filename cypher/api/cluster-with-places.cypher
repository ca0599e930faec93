// $key: a cluster key. The cluster with its regions, provinces and industries (each with its parent's
// code, by code), so that a lookup of one cluster and those fields costs one statement; no row when
// there is no such cluster.
MATCH (c:Cluster {key: $key})
RETURN c {.key, .name, .industryPhrase} AS cluster,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) OPTIONAL MATCH (r)-[:LOCATED_IN]->(p:Region)
                 WITH r, p ORDER BY r.code RETURN r {.code, .name, .level, parent: p.code} } AS regions,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(r:Region {level: 'PROVINCE'})
                 WITH DISTINCT r ORDER BY r.code RETURN r {.code, .name, .level, parent: null} } AS provinces,
       COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) OPTIONAL MATCH (i)-[:BELONGS_TO]->(p:Industry)
                 WITH i, p ORDER BY i.code RETURN i {.code, .name, .level, parent: p.code} } AS industries
