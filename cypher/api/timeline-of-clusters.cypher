// $keys: cluster keys. Every listing of those clusters in date order: by edition year (listings
// without a year sort last, as Cypher sorts nulls), then program and rank.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[l:LISTED_IN]->(p:Program) WHERE c.key IN $keys AND c.generation = served.generation
RETURN c.key AS cluster, p.key AS program, l {.*} AS listing
ORDER BY l.year, p.key, l.rank
