// $level: an industry level; $minProvinces. Industries of that level whose clusters (clusters of
// descendant industries included) lie in at least $minProvinces provinces, widest first, then most
// clusters, then by code; with those provinces by code and the number of distinct clusters. Provinces
// are picked out after the walk up, as in api/cluster-with-places.
MATCH (i:Industry {level: $level})<-[:BELONGS_TO*0..]-(:Industry)<-[:BELONGS_TO]-(c:Cluster)
WITH i, collect(DISTINCT c) AS clusters
CALL (clusters) {
  UNWIND clusters AS c
  MATCH (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(province:Region)
  WITH DISTINCT province WHERE province.level = 'PROVINCE'
  WITH province ORDER BY province.code
  RETURN collect(province {.code, .name, .level, parent: null}) AS provinces
}
WITH i, provinces, size(clusters) AS clusterCount
WHERE size(provinces) >= $minProvinces
OPTIONAL MATCH (i)-[:BELONGS_TO]->(parent:Industry)
RETURN i {.code, .name, .level, parent: parent.code} AS industry, size(provinces) AS provinceCount, provinces,
       clusterCount
ORDER BY provinceCount DESC, clusterCount DESC, i.code
