// $nameContains: text in NFKC; $regionLevel, $recognizedIn: the other filters of clusters-page, each
// null when not given. How many clusters clusters-named-page pages through: the clusters that the text
// index on their names (schema/cluster-name-text) finds for the text and that match the other filters,
// written out as in clusters-page; the clusters that hold the text are read, not every cluster. A text
// that holds a line break is tested on the names themselves (see clusters-named-page). On a graph
// loaded before clusters carried nameText, counted as clusters-count counts; 0 without reading for a
// year of recognition in which the load counted no cluster.
MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
// (whether the served graph's clusters carry nameText, and whether $recognizedIn is a year with no
// cluster recognized: see clusters-named-page)
WITH served,
     coalesce(head(COLLECT { MATCH (c:Cluster) USING INDEX SEEK c:Cluster(key, generation)
                             WHERE c.key > '' AND c.generation = served.generation
                             RETURN c.nameText IS NOT NULL AS indexed LIMIT 1 }), false) AS indexed,
     CASE WHEN $recognizedIn IS NULL OR d.recognizedYears IS NULL THEN false
          WHEN $recognizedIn < head(d.recognizedYears) THEN true
          WHEN $recognizedIn > last(d.recognizedYears) THEN last(d.clustersRecognizedIn) = 0
          ELSE d.clustersRecognizedIn[$recognizedIn - head(d.recognizedYears)] = 0 END AS none
CALL (served, indexed, none) {
  MATCH (c:Cluster) USING TEXT INDEX c:Cluster(nameText)
  WHERE c.nameText CONTAINS CASE WHEN indexed AND NOT none THEN $nameContains END
    AND c.generation = served.generation
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($recognizedIn IS NULL OR EXISTS { (c)-[l:LISTED_IN]->(:Program)
          WHERE l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn })
    AND CASE WHEN $nameContains CONTAINS '\n'
             THEN normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains)
             ELSE true END
  RETURN count(c) AS fromIndex
}
CALL (served, indexed, none) {
  // not indexed: every cluster of the served graph (otherwise the bound is null and this reads nothing)
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN indexed OR none THEN null ELSE '' END AND c.generation = served.generation
    AND (normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($recognizedIn IS NULL OR EXISTS { (c)-[l:LISTED_IN]->(:Program)
          WHERE l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn })
  RETURN count(c) AS scanned
}
RETURN fromIndex + scanned AS total
