// $keys: program keys. Each program's editions, oldest first: the year, its listings, its distinct
// clusters, how many of them no earlier edition of the program listed and how many one did, and how
// many another program lists too. (The program is named by its key throughout: reading p.key next to
// these subqueries trips a Neo4j planner error, "p.key should not appear non-cached".)
MATCH (served:Serving {key: 'graph'})
UNWIND $keys AS key
MATCH (:Program {key: key, generation: served.generation})<-[l:LISTED_IN]-(c:Cluster)
WHERE l.year IS NOT NULL
WITH key, l.year AS year, count(l) AS listings, collect(DISTINCT c) AS clusters
WITH key, year, listings, clusters,
     size([c IN clusters WHERE EXISTS { (c)-[e:LISTED_IN]->(:Program {key: key}) WHERE e.year < year }]) AS seen
RETURN key AS program,
       {year: year, listingCount: listings, clusterCount: size(clusters), newClusters: size(clusters) - seen,
        seenInEarlierEdition: seen,
        alsoOnOtherPrograms: size([c IN clusters WHERE EXISTS { (c)-[:LISTED_IN]->(o:Program) WHERE o.key <> key }])}
       AS edition
ORDER BY key, year
