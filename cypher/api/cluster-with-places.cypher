// $key: a cluster key. The cluster with its regions, provinces and industries (each with its parent's
// code, by code), so that a lookup of one cluster and those fields costs one statement; no row when
// there is no such cluster. Provinces are picked out only after walking up from the cluster's regions
// (WITH DISTINCT ... WHERE): with the level in the pattern, a plan made from index samples taken before
// the load started from every province and walked the whole region tree down to the cluster.
MATCH (c:Cluster {key: $key})
RETURN c {.key, .name, .industryPhrase} AS cluster,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) OPTIONAL MATCH (r)-[:LOCATED_IN]->(p:Region)
                 WITH r, p ORDER BY r.code RETURN r {.code, .name, .level, parent: p.code} } AS regions,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(r:Region)
                 WITH DISTINCT r WHERE r.level = 'PROVINCE'
                 WITH r ORDER BY r.code RETURN r {.code, .name, .level, parent: null} } AS provinces,
       COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) OPTIONAL MATCH (i)-[:BELONGS_TO]->(p:Industry)
                 WITH i, p ORDER BY i.code RETURN i {.code, .name, .level, parent: p.code} } AS industries
