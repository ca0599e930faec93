// $key: a cluster key; $peers: {descendants, provinces, after, limit}, the one page of Industry.clusters
// a query asks of each of the cluster's industries. What cluster-with-places reads, and with each industry
// what clusters-of-industries would read for it (and in the same way, from the industry_members index):
// the total and the page (each cluster with its provinces when asked), so that a lookup with its
// industries' clusters costs one statement. No row when there is no such cluster.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster {key: $key, generation: served.generation})
CALL (c, served) {
  MATCH (c)-[:BELONGS_TO]->(i:Industry)
  WITH i ORDER BY i.code
  CALL (i, served) {
    UNWIND CASE WHEN $peers.descendants THEN i.memberIndustries
                WHEN i.memberCount > 0 THEN [i.code] ELSE [] END AS code
    CALL (code, served) {
      MATCH (o:Cluster)-[m:BELONGS_TO]->()
      USING INDEX SEEK m:BELONGS_TO(generation, industry, cluster)
      WHERE m.generation = served.generation AND m.industry = code AND m.cluster > $peers.after
      RETURN m.cluster AS key, o
      ORDER BY m.generation, m.industry, m.cluster
      LIMIT $peers.limit
    }
    WITH DISTINCT key, o
    ORDER BY key
    LIMIT $peers.limit
    RETURN collect(o) AS members
  }
  RETURN collect(i {.code, .name, .level, .parent, total: coalesce(CASE WHEN $peers.descendants THEN i.treeMemberCount ELSE i.memberCount END, 0),
                    page: [o IN members | o {.key, .name, .industryPhrase,
                      provinces: CASE WHEN $peers.provinces THEN
                        COLLECT { MATCH (o)-[:IN_PROVINCE]->(p:Region) WITH p ORDER BY p.code RETURN p {.code, .name, .level, .parent} } END}]})
         AS industries
}
RETURN c {.key, .name, .industryPhrase} AS cluster,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } AS regions,
       COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } AS provinces,
       industries
