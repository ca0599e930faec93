// $requests: [{id, parent: an industry code, descendants: boolean, provinces: boolean, after, limit}];
// $reach: the largest limit among them. For each request, one page of the clusters that belong to the
// industry (or, with descendants, to it or any industry under it): the first limit by key above after
// ('' for the first page), and how many there are in all. With provinces, each cluster of the page carries its provinces by code, as
// Cluster.provinces would read them.
// The load recorded on each industry its counts and the industries of its subtree that clusters
// belong to directly (load/count-industry-clusters): each of those gives its first $reach members in
// key order from the industry_members index, and the page is the merge of those runs (a cluster in
// two of them once): the cost follows the page times the industries below that hold clusters, and
// not the number of clusters. The SEEK hint keeps the plan on the index whatever the store's
// statistics say.
MATCH (served:Serving {key: 'graph'})
UNWIND $requests AS req
MATCH (i:Industry {code: req.parent, generation: served.generation})
CALL (i, req, served) {
  UNWIND CASE WHEN req.descendants THEN i.memberIndustries
              WHEN i.memberCount > 0 THEN [i.code] ELSE [] END AS code
  CALL (code, req, served) {
    MATCH (c:Cluster)-[m:BELONGS_TO]->()
    USING INDEX SEEK m:BELONGS_TO(generation, industry, cluster)
    WHERE m.generation = served.generation AND m.industry = code AND m.cluster > req.after
    RETURN m.cluster AS key, c
    ORDER BY m.generation, m.industry, m.cluster
    LIMIT $reach
  }
  WITH DISTINCT key, c
  ORDER BY key
  RETURN collect(c)[..req.limit] AS items
}
RETURN req.id AS id, coalesce(CASE WHEN req.descendants THEN i.treeMemberCount ELSE i.memberCount END, 0) AS total,
       [c IN items | c {.*,
         provinces: CASE WHEN req.provinces THEN
           COLLECT { MATCH (c)-[:IN_PROVINCE]->(p:Region) WITH p ORDER BY p.code RETURN p {.*} } END}] AS page
