// $industry: an industry code, the only filter of clusters given; $after, $limit: the page, the first
// $limit clusters whose key is above $after ('' for the first page); $links: whether to read each
// cluster's provinces, industries and programs too (null lists otherwise). The page clusters-page
// gives for a filter of the industry alone (the clusters whose inIndustries hold it, by key), read the
// way clusters-of-industries reads Industry.clusters with its descendants: the merge of the runs of
// its memberIndustries in the industry_members index (a cluster in two of them once), or, for a wide
// industry (see there), the clusters in key order as clusters-page reads them. ClusterPageTests checks
// it against clusters-page for every industry that holds clusters. The SEEK hints keep the plans on
// the indexes whatever the store's statistics say.
MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
MATCH (i:Industry {code: $industry, generation: served.generation})
WITH served, i,
     size(coalesce(i.memberIndustries, [])) * coalesce(i.treeMemberCount, 0) > coalesce(d.clusterCount, 0) AS wide
CALL (i, served, wide) {
  // not wide: the seek's bound is null, which no key is above, so it reads nothing
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN wide THEN $after END AND c.generation = served.generation AND i.code IN c.inIndustries
  WITH c ORDER BY c.key LIMIT $limit
  RETURN collect({key: c.key, cluster: c}) AS scanned
}
CALL (i, served, wide) {
  UNWIND CASE WHEN wide THEN [] ELSE coalesce(i.memberIndustries, []) END AS code
  CALL (code, served) {
    MATCH (c:Cluster)-[m:BELONGS_TO]->()
    USING INDEX SEEK m:BELONGS_TO(generation, industry, cluster)
    WHERE m.generation = served.generation AND m.industry = code AND m.cluster > $after
    RETURN m.cluster AS key, c
    ORDER BY m.generation, m.industry, m.cluster
    LIMIT $limit
  }
  RETURN collect({key: key, cluster: c}) AS merged
}
UNWIND scanned + merged AS member
WITH DISTINCT member.key AS key, member.cluster AS c
ORDER BY key
LIMIT $limit
RETURN c {.*} AS cluster,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.*} } END AS provinces,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.*} } END AS industries,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) WITH DISTINCT p ORDER BY p.key RETURN p {.*} } END AS programs
ORDER BY cluster.key
