// $requests: [{id, parent: an industry code, descendants: boolean, provinces: boolean, after, limit}];
// $reach: the largest limit among them. For each request, one page of the clusters that belong to the
// industry (or, with descendants, to it or any industry under it): the first limit by key above after
// ('' for the first page), and how many there are in all. With provinces, each cluster of the page
// carries its provinces by code, as Cluster.provinces would read them. version is the graph's, as
// dataset-version reads it, under which IndustryPages keeps the pages.
// The load recorded on each industry its counts and the industries of its subtree that clusters
// belong to directly (load/count-industry-clusters): each of those gives its first $reach members
// above after in key order from the industry_members index, and the page is the merge of those runs
// (a cluster in two of them once), so the cost follows the page times the industries below that
// hold clusters, and neither the number of clusters nor how deep the page lies. A wide industry (see
// below) is read from the clusters in key order instead. The SEEK hint keeps the plan on the index
// whatever the store's statistics say.
MATCH (served:Serving {key: 'graph'})
// the generation read once: a switch while the statement runs cannot mix two
WITH served.generation AS generation
OPTIONAL MATCH (d:Dataset {key: 'current', generation: generation})
UNWIND $requests AS req
MATCH (i:Industry {code: req.parent, generation: generation})
// wide: with descendants, an industry whose subtree holds so many clusters through so many
// industries that more than one cluster in as many as it has member industries is its (each records
// the industry's code in inIndustries). Reading all clusters in key order past after (the
// cluster_generation_key index) then costs about the page times clusters / treeMemberCount, which is
// below the merge's page times member industries: a section's hundreds at scale.
WITH generation, d, req, i,
     req.descendants AND size(coalesce(i.memberIndustries, [])) * coalesce(i.treeMemberCount, 0)
                         > coalesce(d.clusterCount, 0) AS wide
CALL (i, req, generation, wide) {
  // not wide: the seek's bound is null, which no key is above, so it reads nothing (a WHERE wide
  // was applied to every cluster the seek read, and an UNWIND guard lost the index's order)
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN wide THEN req.after END AND c.generation = generation AND i.code IN c.inIndustries
  WITH c ORDER BY c.key LIMIT $reach
  RETURN collect(c) AS scanned
}
CALL (i, req, generation, wide) {
  WITH i, req, generation WHERE NOT wide
  UNWIND CASE WHEN req.descendants THEN i.memberIndustries
              WHEN i.memberCount > 0 THEN [i.code] ELSE [] END AS code
  CALL (code, req, generation) {
    MATCH (c:Cluster)-[m:BELONGS_TO]->()
    USING INDEX SEEK m:BELONGS_TO(generation, industry, cluster)
    WHERE m.generation = generation AND m.industry = code AND m.cluster > req.after
    RETURN m.cluster AS key, c
    ORDER BY m.generation, m.industry, m.cluster
    LIMIT $reach
  }
  WITH DISTINCT key, c
  ORDER BY key
  RETURN collect(c) AS merged
}
// (each read up to $reach; the slice is taken here, since an imported variable in a subquery's
// aggregation would group by it and give no row for an empty page)
WITH d, req, i, (CASE WHEN wide THEN scanned ELSE merged END)[..req.limit] AS items
RETURN req.id AS id, d.fingerprint + '@' + toString(d.loadedAt) AS version,
       coalesce(CASE WHEN req.descendants THEN i.treeMemberCount ELSE i.memberCount END, 0) AS total,
       [c IN items | c {.key, .name, .industryPhrase,
         provinces: CASE WHEN req.provinces THEN
           COLLECT { MATCH (c)-[:IN_PROVINCE]->(p:Region) WITH p ORDER BY p.code RETURN p {.code, .name, .level, .parent} } END}] AS page
