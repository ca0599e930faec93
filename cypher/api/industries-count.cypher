// $level, $nameContains, $hasClusters: the filters of industries-page, each null when not given.
// How many industries match them all.
// Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (served:Serving {key: 'graph'})
MATCH (i:Industry)
WHERE i.generation = served.generation
  AND ($level IS NULL OR i.level = $level)
  AND ($nameContains IS NULL OR normalize(i.name, NFKC) CONTAINS $nameContains)
  AND ($hasClusters IS NULL
       OR $hasClusters = (i.treeMemberCount > 0))
RETURN count(i) AS total
