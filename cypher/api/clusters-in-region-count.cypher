// $region: a region code, the only filter of clusters given. How many clusters clusters-in-region-page
// pages through: the region's treeMemberCount, which the load counted from the clusters' inRegions
// (load/count-region-clusters), so the count clusters-count would make by reading every cluster; 0
// for a code the served graph does not hold.
OPTIONAL MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (r:Region {code: $region, generation: served.generation})
RETURN coalesce(r.treeMemberCount, 0) AS total
