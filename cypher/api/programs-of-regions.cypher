// $codes: region codes. The programs listing a cluster located in each region or its descendants.
MATCH (served:Serving {key: 'graph'})
MATCH (r:Region) WHERE r.code IN $codes AND r.generation = served.generation
MATCH (r)<-[:LOCATED_IN*1..]-(:Cluster)-[:LISTED_IN]->(p:Program)
WITH DISTINCT r, p
RETURN r.code AS code, p {.*} AS program
ORDER BY p.key
