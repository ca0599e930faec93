// $region: a region code, the only filter of clusters given; $after, $limit: the page, the first $limit
// clusters whose key is above $after ('' for the first page); $links: whether to read each cluster's
// provinces, industries and programs too (null lists otherwise). The page clusters-page gives for a
// filter of the region alone (the clusters whose inRegions hold it, by key), read the way
// clusters-of-regions reads Region.clusters with its descendants: a province's clusters from the
// province_members index, another region's as the merge of the runs of its memberRegions in the
// region_members index (a cluster in two of them once). clusters-page reads clusters in key order
// until $limit match, all of them for a region that holds a few; this reads what the page holds
// (times the regions below that hold clusters, for a prefecture or a county). ClusterPageTests checks
// it against clusters-page for every region that holds clusters. The SEEK hints keep the plans on the
// indexes whatever the store's statistics say.
MATCH (served:Serving {key: 'graph'})
MATCH (r:Region {code: $region, generation: served.generation})
CALL (r, served) {
  WITH r, served WHERE r.level = 'PROVINCE'
  MATCH (c:Cluster)-[m:IN_PROVINCE]->()
  USING INDEX SEEK m:IN_PROVINCE(generation, region, cluster)
  WHERE m.generation = served.generation AND m.region = r.code AND m.cluster > $after
  WITH m, c ORDER BY m.generation, m.region, m.cluster LIMIT $limit
  RETURN collect({key: m.cluster, cluster: c}) AS ofProvince
}
CALL (r, served) {
  UNWIND CASE WHEN r.level = 'PROVINCE' THEN [] ELSE coalesce(r.memberRegions, []) END AS code
  CALL (code, served) {
    MATCH (c:Cluster)-[m:LOCATED_IN]->()
    USING INDEX SEEK m:LOCATED_IN(generation, region, cluster)
    WHERE m.generation = served.generation AND m.region = code AND m.cluster > $after
    RETURN m.cluster AS key, c
    ORDER BY m.generation, m.region, m.cluster
    LIMIT $limit
  }
  RETURN collect({key: key, cluster: c}) AS ofRegions
}
UNWIND ofProvince + ofRegions AS member
WITH DISTINCT member.key AS key, member.cluster AS c
ORDER BY key
LIMIT $limit
RETURN c {.*} AS cluster,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.*} } END AS provinces,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.*} } END AS industries,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) WITH DISTINCT p ORDER BY p.key RETURN p {.*} } END AS programs
ORDER BY cluster.key
