// $level, $nameContains, $hasClusters: the filters, each null when not given; $after, $limit:
// the page, the first $limit above the code $after ('' for the first page), read in code order
// from the unique code's index, so that a deep page costs what the first does. Industries matching
// every given filter, by code.
// hasClusters counts clusters of an industry's descendants too (the count the load recorded:
// load/count-industry-clusters).
// Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (served:Serving {key: 'graph'})
MATCH (i:Industry)
WHERE i.code > $after AND i.generation = served.generation
  AND ($level IS NULL OR i.level = $level)
  AND ($nameContains IS NULL OR normalize(i.name, NFKC) CONTAINS $nameContains)
  AND ($hasClusters IS NULL
       OR $hasClusters = (i.treeMemberCount > 0))
RETURN i {.code, .name, .level, .parent} AS industry
ORDER BY i.code
LIMIT $limit
