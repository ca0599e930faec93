// $level, $nameContains, $hasClusters: the filters, each null when not given; $offset, $limit:
// the page. Regions matching every given filter, by code. hasClusters
// counts clusters located in a region's descendants too.
// Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (r:Region)
WHERE ($level IS NULL OR r.level = $level)
  AND ($nameContains IS NULL OR normalize(r.name, NFKC) CONTAINS $nameContains)
  AND ($hasClusters IS NULL
       OR $hasClusters = EXISTS { (r)<-[:LOCATED_IN*0..]-(:Region)<-[:LOCATED_IN]-(:Cluster) })
RETURN r {.*} AS region
ORDER BY r.code
SKIP $offset LIMIT $limit
