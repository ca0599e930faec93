// $codes: region codes. The programs listing a cluster located in each region or its descendants.
MATCH (r:Region) WHERE r.code IN $codes
MATCH (r)<-[:LOCATED_IN*1..]-(:Cluster)-[:LISTED_IN]->(p:Program)
WITH DISTINCT r, p
RETURN r.code AS code, p {.key, .name, .issuer, .level, .years,
       clusterCount: COUNT { MATCH (p)<-[:LISTED_IN]-(c:Cluster) RETURN DISTINCT c }} AS program
ORDER BY p.key
