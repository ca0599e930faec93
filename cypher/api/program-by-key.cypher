// $key: a program key. The program, or no row.
MATCH (p:Program {key: $key})
RETURN p {.key, .name, .issuer, .level, .years, clusterCount: COUNT { MATCH (p)<-[:LISTED_IN]-(c:Cluster) RETURN DISTINCT c }} AS program
