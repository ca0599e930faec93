// $requests: [{id, parent: a region code, descendants: boolean, provinces: boolean, after, limit}];
// $reach: the largest limit among them. For each request, one page of the clusters located in the
// region (or, with descendants, in it or any region under it): the first limit by key above after
// ('' for the first page), and how many there are in all. With provinces, each cluster of the page carries its provinces by code, as
// Cluster.provinces would read them.
// The load recorded on each region its counts and, below the provinces, the regions of its subtree
// that clusters are located in directly (load/count-region-clusters). A province's clusters are its
// first $reach IN_PROVINCE relationships above after in key order (the province_members index);
// another region's the merge of the first $reach above after of each of those regions in the
// region_members index (a cluster in two of them once). The cost follows the page (times the regions
// below that hold clusters, for a prefecture or a county), neither the number of clusters nor how
// deep the page lies. The SEEK hints keep the plans on the indexes
// whatever the store's statistics say.
MATCH (served:Serving {key: 'graph'})
UNWIND $requests AS req
MATCH (r:Region {code: req.parent, generation: served.generation})
CALL (r, req, served) {
  WITH r, req, served WHERE req.descendants AND r.level = 'PROVINCE'
  MATCH (c:Cluster)-[m:IN_PROVINCE]->()
  USING INDEX SEEK m:IN_PROVINCE(generation, region, cluster)
  WHERE m.generation = served.generation AND m.region = r.code AND m.cluster > req.after
  WITH m, c ORDER BY m.generation, m.region, m.cluster LIMIT $reach
  RETURN collect({key: m.cluster, cluster: c}) AS ofProvince
}
CALL (r, req, served) {
  UNWIND CASE WHEN req.descendants AND r.level = 'PROVINCE' THEN []
              WHEN req.descendants THEN r.memberRegions
              WHEN r.memberCount > 0 THEN [r.code] ELSE [] END AS code
  CALL (code, req, served) {
    MATCH (c:Cluster)-[m:LOCATED_IN]->()
    USING INDEX SEEK m:LOCATED_IN(generation, region, cluster)
    WHERE m.generation = served.generation AND m.region = code AND m.cluster > req.after
    RETURN m.cluster AS key, c
    ORDER BY m.generation, m.region, m.cluster
    LIMIT $reach
  }
  RETURN collect({key: key, cluster: c}) AS ofRegions
}
CALL (ofProvince, ofRegions) {
  UNWIND ofProvince + ofRegions AS member
  WITH DISTINCT member.key AS key, member.cluster AS c
  ORDER BY key
  RETURN collect(c) AS read
}
RETURN req.id AS id, coalesce(CASE WHEN req.descendants THEN r.treeMemberCount ELSE r.memberCount END, 0) AS total,
       [c IN read[..req.limit] | c {.key, .name, .industryPhrase,
         provinces: CASE WHEN req.provinces THEN
           COLLECT { MATCH (c)-[:IN_PROVINCE]->(p:Region) WITH p ORDER BY p.code RETURN p {.code, .name, .level, .parent} } END}] AS page
