// $generation: the generation the load stages (see switch-generation).
// $rows: [{key, name, industryPhrase, names, programs, inRegions, inIndustries, regionLevels}]. Stages a
// batch of the next graph's clusters.
// Two clusters given one key fail the load on the staged key's constraint instead of becoming one.
// programs, the number of distinct programs among the cluster's listings (each becomes a LISTED_IN
// to its program: GraphLoadTests checks the count against them), is written as programCount and in
// crossListing, the key that orders crossListedClusters (most programs first, then by key) as one
// string in the cluster_cross_listing index: 999999 less the count, six digits, a colon and the key.
// inRegions and inIndustries are the codes of every region the cluster lies in (its LOCATED_IN regions
// and all above them) and of every industry it belongs to (its BELONGS_TO industries and all above
// them), regionLevels the levels of its LOCATED_IN regions, each sorted (TreeCodes walks the trees
// this load writes), so that filters and facets test a list instead of walking the trees for every
// cluster on every request; GraphLoadTests checks them against the walks.
// nameText is its canonical name, then every other name it is listed under, each in NFKC (the form
// names are compared in) and once, one per line, for the text index that clusters-named-page seeks
// (schema/cluster-name-text).
UNWIND $rows AS row
CREATE (c:Cluster {key: row.key, generation: $generation})
SET c.name = row.name, c.industryPhrase = row.industryPhrase, c.names = row.names,
    c.inRegions = row.inRegions, c.inIndustries = row.inIndustries, c.regionLevels = row.regionLevels,
    c.programCount = row.programs,
    c.nameText = reduce(text = normalize(row.name, NFKC),
                        name IN COLLECT { UNWIND row.names AS listed WITH normalize(listed, NFKC) AS name
                                          WHERE name <> normalize(row.name, NFKC) RETURN DISTINCT name }
                        | text + '\n' + name),
    c.crossListing = right('00000' + toString(999999 - CASE WHEN row.programs > 999999 THEN 999999 ELSE row.programs END), 6)
                     + ':' + row.key
