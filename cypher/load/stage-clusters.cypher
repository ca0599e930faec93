// $generation: the generation the load stages (see switch-generation).
// $rows: [{key, name, industryPhrase, names, programs}]. Stages a batch of the next graph's clusters.
// Two clusters given one key fail the load on the staged key's constraint instead of becoming one.
// programs, the number of distinct programs among the cluster's listings (each becomes a LISTED_IN
// to its program: GraphLoadTests checks the count against them), is written as programCount and in
// crossListing, the key that orders crossListedClusters (most programs first, then by key) as one
// string in the cluster_cross_listing index: 999999 less the count, six digits, a colon and the key.
UNWIND $rows AS row
CREATE (c:Cluster {key: row.key, generation: $generation})
SET c.name = row.name, c.industryPhrase = row.industryPhrase, c.names = row.names,
    c.programCount = row.programs,
    c.crossListing = right('00000' + toString(999999 - CASE WHEN row.programs > 999999 THEN 999999 ELSE row.programs END), 6)
                     + ':' + row.key
