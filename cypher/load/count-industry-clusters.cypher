// $generation: the generation the load stages. Records on each of its industries how many clusters
// belong to it directly (memberCount), how many to it or an industry below it (treeMemberCount, from
// the clusters' inIndustries, so a cluster in two industries of one subtree counts once), and the
// codes of the industries of its subtree, itself included, that clusters belong to directly
// (memberIndustries, by code). A page of Industry.clusters then reads the first members of each of
// those industries from the industry_members index and its total from the industry, and never walks
// the industry tree, whose BELONGS_TO relationships from clusters are thousands per industry on a
// large graph. Runs after load/stage-clusters, which writes inIndustries; GraphLoadTests checks the
// counts against the walks.
MATCH (i:Industry) WHERE i.generation = $generation
SET i.memberCount = COUNT { (i)<-[:BELONGS_TO]-(:Cluster) }, i.treeMemberCount = 0, i.memberIndustries = []
WITH count(*) AS industries
MATCH (c:Cluster) WHERE c.generation = $generation
UNWIND c.inIndustries AS code
WITH code, count(*) AS members
MATCH (i:Industry {code: code, generation: $generation})
USING INDEX SEEK i:Industry(code, generation)
SET i.treeMemberCount = members
WITH count(*) AS counted
MATCH (x:Industry) WHERE x.generation = $generation AND x.memberCount > 0
// an industry's only outgoing BELONGS_TO is to its parent, so this walks up the tree alone
MATCH (x)-[:BELONGS_TO*0..]->(a:Industry)
WITH a, x.code AS code ORDER BY code
WITH a, collect(code) AS codes
SET a.memberIndustries = codes
