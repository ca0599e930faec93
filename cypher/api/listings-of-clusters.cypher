// $keys: cluster keys. Every listing of those clusters with its program, ordered by program, year, rank.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[l:LISTED_IN]->(p:Program) WHERE c.key IN $keys AND c.generation = served.generation
RETURN c.key AS cluster, p.key AS program, l {.*} AS listing
ORDER BY p.key, l.year, l.rank
