// $key: a cluster key. The cluster with its regions, provinces and industries (each by code), so that
// a lookup of one cluster and those fields costs one statement; no row when there is no such cluster.
// version is the graph's, as dataset-version reads it: the pages of the industries' clusters that a
// lookup asks for are kept per version (IndustryPages).
MATCH (served:Serving {key: 'graph'})
WITH served.generation AS generation
MATCH (c:Cluster {key: $key, generation: generation})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: generation})
RETURN c {.key, .name, .industryPhrase} AS cluster,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } AS regions,
       COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } AS provinces,
       COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.code, .name, .level, .parent} } AS industries,
       d.fingerprint + '@' + toString(d.loadedAt) AS version
