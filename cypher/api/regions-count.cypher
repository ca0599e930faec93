// $level, $nameContains, $hasClusters: the filters of regions-page, each null when not given.
// How many regions match them all.
// Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (served:Serving {key: 'graph'})
MATCH (r:Region)
WHERE r.generation = served.generation
  AND ($level IS NULL OR r.level = $level)
  AND ($nameContains IS NULL OR normalize(r.name, NFKC) CONTAINS $nameContains)
  AND ($hasClusters IS NULL
       OR $hasClusters = (r.treeMemberCount > 0))
RETURN count(r) AS total
