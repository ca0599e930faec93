// $level: a region level; $minPrograms. Regions of that level in which clusters of at least
// $minPrograms distinct programs are located (clusters located in a region's descendants count),
// most programs first, then most clusters, then by code. At PREFECTURE level the prefecture-level
// units are the prefectures, the municipalities (provinces with no prefecture under them) and the
// county-level units directly under a province that has prefectures (仙桃, 济源, 石河子...).
// Walks up from each cluster, which visits far fewer regions than walking down from each unit.
MATCH (c:Cluster)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(u:Region)
WHERE u.level = $level
   OR ($level = 'PREFECTURE' AND u.level = 'PROVINCE'
       AND NOT EXISTS { (u)<-[:LOCATED_IN]-(:Region {level: 'PREFECTURE'}) })
   OR ($level = 'PREFECTURE' AND u.level = 'COUNTY'
       AND EXISTS { (u)-[:LOCATED_IN]->(:Region {level: 'PROVINCE'})<-[:LOCATED_IN]-(:Region {level: 'PREFECTURE'}) })
WITH DISTINCT u, c
MATCH (c)-[:LISTED_IN]->(p:Program)
WITH u, count(DISTINCT p) AS programCount, collect(DISTINCT p.key) AS programs, count(DISTINCT c) AS clusterCount
WHERE programCount >= $minPrograms
OPTIONAL MATCH (u)-[:LOCATED_IN]->(parent:Region)
RETURN u {.code, .name, .level, parent: parent.code} AS region, programCount, programs, clusterCount
ORDER BY programCount DESC, clusterCount DESC, u.code
