// $minPrograms, $after, $limit. Clusters listed by at least $minPrograms distinct programs, most
// programs first, then by key: the first $limit whose crossListing (load/stage-clusters: 999999
// less the count, six digits, a colon and the key) lies above $after ('' for the first page) and below
// the six digits of $minPrograms - 1 programs, read in that order from the cluster_cross_listing index.
// Each row carries the cluster and its crossListing, which its cursor holds.
MATCH (served:Serving {key: 'graph'})
WITH served, right('00000' + toString(999999 - CASE WHEN $minPrograms > 1000000 THEN 999999 ELSE $minPrograms - 1 END), 6)
             AS below
MATCH (c:Cluster)
USING INDEX SEEK c:Cluster(generation, crossListing)
WHERE c.generation = served.generation AND c.crossListing > $after AND c.crossListing < below
WITH c ORDER BY c.generation, c.crossListing LIMIT $limit
RETURN c {.key, .name, .industryPhrase} AS cluster, c.crossListing AS position
