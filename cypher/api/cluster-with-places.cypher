// $key: a cluster key. The cluster with its regions, provinces and industries (each by code), so that
// a lookup of one cluster and those fields costs one statement; no row when there is no such cluster.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster {key: $key, generation: served.generation})
RETURN c {.*} AS cluster,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) WITH r ORDER BY r.code RETURN r {.*} } AS regions,
       COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.*} } AS provinces,
       COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.*} } AS industries
