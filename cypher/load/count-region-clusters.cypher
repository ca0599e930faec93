// $generation: the generation the load stages. Records on each of its regions how many clusters are
// located in it directly (memberCount) and in it or a region under it (treeMemberCount, from the
// clusters' inRegions, so a cluster in two regions of one subtree counts once), and, below the
// provinces, the codes of the regions of its subtree, itself included, that clusters are located in
// directly (memberRegions, by code). A page of Region.clusters then reads a province's clusters from
// the province_members index, another region's as the merge of those regions' runs in the
// region_members index, and its total from the region. (A province's list would run to hundreds of
// codes, carried by every read of the province.) Runs after load/stage-clusters, which writes
// inRegions; GraphLoadTests checks the counts against the walks.
MATCH (r:Region) WHERE r.generation = $generation
SET r.memberCount = COUNT { (r)<-[:LOCATED_IN]-(:Cluster) }, r.treeMemberCount = 0,
    r.memberRegions = CASE WHEN r.level = 'PROVINCE' THEN null ELSE [] END
WITH count(*) AS regions
MATCH (c:Cluster) WHERE c.generation = $generation
UNWIND c.inRegions AS code
WITH code, count(*) AS members
MATCH (r:Region {code: code, generation: $generation})
USING INDEX SEEK r:Region(code, generation)
SET r.treeMemberCount = members
WITH count(*) AS counted
MATCH (x:Region) WHERE x.generation = $generation AND x.memberCount > 0
// a region's only outgoing LOCATED_IN is to its parent (a zone's, to its host), so this walks up alone
MATCH (x)-[:LOCATED_IN*0..]->(a:Region) WHERE a.level <> 'PROVINCE'
WITH a, x.code AS code ORDER BY code
WITH a, collect(code) AS codes
SET a.memberRegions = codes
