// $region, $regionLevel, $industry, $program, $year, $recognizedIn, $nameContains: the filters of clusters-page, each null when
// not given. How many clusters match them all.
// Region and industry filters read the codes the load wrote on each cluster (inRegions,
// inIndustries: the trees above its regions and industries). Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)
WHERE c.generation = served.generation
  AND ($region IS NULL OR $region IN c.inRegions)
  AND ($industry IS NULL OR $industry IN c.inIndustries)
  AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
  AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
        (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
          AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
  AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
RETURN count(c) AS total
