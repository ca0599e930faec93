// $region, $regionLevel, $industry, $program, $year, $recognizedIn, $nameContains: the filters of clusters-page, each null when
// not given. How many clusters match them all.
// A level alone is the count the load recorded on the dataset (regionLevels, clustersByRegionLevel:
// so many clusters are located in a region of that level, load/set-dataset), and a year of
// recognition alone too (recognizedYears, clustersRecognizedIn: so many clusters are recognized in
// that year; a year after the last recorded has as many as the last, one before the first none); a
// year of recognition with none is 0 with any other filter. Otherwise, and on a graph loaded before
// those counts existed, the clusters are read.
// Region and industry filters read the codes the load wrote on each cluster (inRegions,
// inIndustries: the trees above its regions and industries). Names are compared in NFKC, the form the API gives $nameContains in, so （ matches (.
MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
// (the clusters the load counted as recognized in $recognizedIn; null when not asked or not counted)
WITH served, d,
     CASE WHEN $recognizedIn IS NULL OR d.recognizedYears IS NULL THEN null
          WHEN $recognizedIn < head(d.recognizedYears) THEN 0
          WHEN $recognizedIn > last(d.recognizedYears) THEN last(d.clustersRecognizedIn)
          ELSE d.clustersRecognizedIn[$recognizedIn - head(d.recognizedYears)] END AS recognized
WITH served, d, recognized,
     $regionLevel IS NOT NULL AND $region IS NULL AND $industry IS NULL AND $program IS NULL AND $year IS NULL
       AND $recognizedIn IS NULL AND $nameContains IS NULL AND d.regionLevels IS NOT NULL AS levelRecorded,
     recognized IS NOT NULL AND $region IS NULL AND $industry IS NULL AND $program IS NULL AND $year IS NULL
       AND $regionLevel IS NULL AND $nameContains IS NULL AS yearRecorded
// (a year in which no cluster is recognized matches none, whatever else is asked)
WITH served, d, recognized, levelRecorded, yearRecorded,
     levelRecorded OR yearRecorded OR coalesce(recognized = 0, false) AS recorded
CALL (served, recorded) {
  // recorded: the seek's bound is null, which no key is above, so it reads nothing
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN recorded THEN null ELSE '' END AND c.generation = served.generation
    AND ($region IS NULL OR $region IN c.inRegions)
    AND ($industry IS NULL OR $industry IN c.inIndustries)
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
          (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
            AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
    AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
  RETURN count(c) AS counted
}
RETURN CASE WHEN levelRecorded
            THEN coalesce(head([i IN range(0, size(d.regionLevels) - 1) WHERE d.regionLevels[i] = $regionLevel
                                | d.clustersByRegionLevel[i]]), 0)
            WHEN yearRecorded OR recognized = 0 THEN recognized
            ELSE counted END AS total
