// $level, $nameContains, $hasClusters: the filters, each null when not given; $after, $limit:
// the page, the first $limit above the code $after ('' for the first page), read in code order
// from the unique code's index, so that a deep page costs what the first does. Regions matching
// every given filter, by code. hasClusters
// counts clusters located in a region's descendants too (the count the load recorded:
// load/count-region-clusters).
// Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (served:Serving {key: 'graph'})
MATCH (r:Region)
WHERE r.code > $after AND r.generation = served.generation
  AND ($level IS NULL OR r.level = $level)
  AND ($nameContains IS NULL OR normalize(r.name, NFKC) CONTAINS $nameContains)
  AND ($hasClusters IS NULL
       OR $hasClusters = (r.treeMemberCount > 0))
RETURN r {.code, .name, .level, .parent} AS region
ORDER BY r.code
LIMIT $limit
