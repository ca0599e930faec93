// $level: an industry level; $minProvinces. Industries of that level whose clusters (clusters of
// descendant industries included) lie in at least $minProvinces provinces, widest first, then most
// clusters, then by code; with those provinces by code and the number of distinct clusters.
MATCH (served:Serving {key: 'graph'})
MATCH (i:Industry {level: $level, generation: served.generation})<-[:BELONGS_TO*0..]-(:Industry)<-[:BELONGS_TO]-(c:Cluster)
WITH i, collect(DISTINCT c) AS clusters
CALL (clusters) {
  UNWIND clusters AS c
  MATCH (c)-[:IN_PROVINCE]->(province:Region)
  WITH DISTINCT province ORDER BY province.code
  RETURN collect(province {.*}) AS provinces
}
WITH i, provinces, size(clusters) AS clusterCount
WHERE size(provinces) >= $minProvinces
RETURN i {.*} AS industry, size(provinces) AS provinceCount, provinces,
       clusterCount
ORDER BY provinceCount DESC, clusterCount DESC, i.code
