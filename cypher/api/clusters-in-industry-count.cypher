// $industry: an industry code, the only filter of clusters given. How many clusters
// clusters-in-industry-page pages through: the industry's treeMemberCount, which the load counted from
// the clusters' inIndustries (load/count-industry-clusters), so the count clusters-count would make by
// reading every cluster; 0 for a code the served graph does not hold.
OPTIONAL MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (i:Industry {code: $industry, generation: served.generation})
RETURN coalesce(i.treeMemberCount, 0) AS total
