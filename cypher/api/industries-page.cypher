// $level, $nameContains, $hasClusters: the filters, each null when not given; $offset, $limit:
// the page. Industries matching every given filter, by code.
// hasClusters counts clusters of an industry's descendants too.
// Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (i:Industry)
WHERE ($level IS NULL OR i.level = $level)
  AND ($nameContains IS NULL OR normalize(i.name, NFKC) CONTAINS $nameContains)
  AND ($hasClusters IS NULL
       OR $hasClusters = EXISTS { (i)<-[:BELONGS_TO*0..]-(:Industry)<-[:BELONGS_TO]-(:Cluster) })
RETURN i {.*} AS industry
ORDER BY i.code
SKIP $offset LIMIT $limit
