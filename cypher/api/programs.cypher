// No parameters. Every program with the number of distinct clusters it lists, by key.
MATCH (p:Program)
RETURN p {.key, .name, .issuer, .level, .years, clusterCount: COUNT { MATCH (p)<-[:LISTED_IN]-(c:Cluster) RETURN DISTINCT c }} AS program
ORDER BY p.key
