// $nameContains: text in NFKC; $regionLevel, $recognizedIn: the other filters of clusters-page, each
// null when not given. How many clusters clusters-named-page pages through: the clusters that the text
// index on their names (schema/cluster-name-text) finds for the text and that match the other filters,
// written out as in clusters-page; the clusters that hold the text are read, not every cluster. A text
// that holds a line break is tested on the names themselves (see clusters-named-page). On a graph
// loaded before clusters carried nameText, counted as clusters-count counts.
MATCH (served:Serving {key: 'graph'})
// (whether the served graph's clusters carry nameText: its first cluster in key order tells)
WITH served, coalesce(head(COLLECT { MATCH (c:Cluster) USING INDEX SEEK c:Cluster(key, generation)
                                     WHERE c.key > '' AND c.generation = served.generation
                                     RETURN c.nameText IS NOT NULL AS indexed LIMIT 1 }), false) AS indexed
CALL (served, indexed) {
  MATCH (c:Cluster) USING TEXT INDEX c:Cluster(nameText)
  WHERE c.nameText CONTAINS CASE WHEN indexed THEN $nameContains END
    AND c.generation = served.generation
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($recognizedIn IS NULL OR EXISTS { (c)-[l:LISTED_IN]->(:Program)
          WHERE l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn })
    AND CASE WHEN $nameContains CONTAINS '\n'
             THEN normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains)
             ELSE true END
  RETURN count(c) AS fromIndex
}
CALL (served, indexed) {
  // not indexed: every cluster of the served graph (otherwise the bound is null and this reads nothing)
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN indexed THEN null ELSE '' END AND c.generation = served.generation
    AND (normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($recognizedIn IS NULL OR EXISTS { (c)-[l:LISTED_IN]->(:Program)
          WHERE l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn })
  RETURN count(c) AS scanned
}
RETURN fromIndex + scanned AS total
