// $nameContains: text in NFKC; $regionLevel, $recognizedIn: the other filters of clusters-page, each
// null when not given ($region, $industry, $program and $year are, since the statements of those
// filters answer a filter that names one); $after, $limit: the page, the first $limit clusters whose
// key is above $after ('' for the first page); $links: whether to read each cluster's provinces,
// industries and programs too (null lists otherwise); $probe: how many clusters with the text make it
// common. The page clusters-page gives for a filter that names a text and no region, industry,
// program or year: the clusters with a name that contains the text and that match the other filters,
// by key.
// clusters-page reads every cluster in key order until $limit match, all of them for a text that none
// holds. Here the text index on each cluster's names (schema/cluster-name-text) first counts the
// clusters that hold the text, up to $probe. Fewer than that: they are read from the index and sorted
// by key. As many: the text is common, and reading in key order as clusters-page does (keys are
// digests, in no relation to names) meets one such cluster in every clusters / $probe or fewer on
// average, each tested on its nameText; other filters that few of them pass make that read longer, as
// they do in clusters-page. The branch that does not apply reads nothing (the text it seeks or the
// bound of its scan is null: a filter on the branch's own flag was planned after the seek); neither
// reads for a year of recognition in which the load counted none. The other filters are those of
// clusters-page, written out here (a filter added there goes here and into clusters-named-count too;
// ClusterPageTests compares both statements with the general ones, with both branches, alone and with
// each other filter).
// A text that holds a line break could span two names in nameText, so it is tested on the names
// themselves, as clusters-page tests every text; so is every text on a graph loaded before clusters
// carried nameText (it serves until the reload that an upgrade starts switches), which is read as
// clusters-page reads it. The text index is created when a load starts; an earlier store that an
// instance serves without loading lacks it, and there the probe too reads every cluster.
MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
// (whether the served graph's clusters carry nameText: its first cluster in key order tells; a graph
// that has it was loaded after the load created the text index. And whether $recognizedIn is a year
// in which the load counted no cluster recognized, as clusters-page reads it: then nothing matches)
WITH served,
     coalesce(head(COLLECT { MATCH (c:Cluster) USING INDEX SEEK c:Cluster(key, generation)
                             WHERE c.key > '' AND c.generation = served.generation
                             RETURN c.nameText IS NOT NULL AS indexed LIMIT 1 }), false) AS indexed,
     CASE WHEN $recognizedIn IS NULL OR d.recognizedYears IS NULL THEN false
          WHEN $recognizedIn < head(d.recognizedYears) THEN true
          WHEN $recognizedIn > last(d.recognizedYears) THEN last(d.clustersRecognizedIn) = 0
          ELSE d.clustersRecognizedIn[$recognizedIn - head(d.recognizedYears)] = 0 END AS none
CALL (indexed, none) {
  // of either generation while a load stages the next: a count to choose by, not an answer
  MATCH (c:Cluster) USING TEXT INDEX c:Cluster(nameText)
  WHERE c.nameText CONTAINS CASE WHEN indexed AND NOT none THEN $nameContains END
  WITH c LIMIT $probe
  RETURN count(c) AS candidates
}
WITH served, indexed AND NOT none AND candidates < $probe AS sparse, NOT none AND NOT (indexed AND candidates < $probe) AS scan
CALL (served, sparse) {
  MATCH (c:Cluster) USING TEXT INDEX c:Cluster(nameText)
  WHERE c.nameText CONTAINS CASE WHEN sparse THEN $nameContains END
    AND c.generation = served.generation AND c.key > $after
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($recognizedIn IS NULL OR EXISTS { (c)-[l:LISTED_IN]->(:Program)
          WHERE l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn })
    AND CASE WHEN $nameContains CONTAINS '\n'
             THEN normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains)
             ELSE true END
  WITH c ORDER BY c.key LIMIT $limit
  RETURN collect(c) AS fromIndex
}
CALL (served, scan) {
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN scan THEN $after END AND c.generation = served.generation
    AND CASE WHEN c.nameText IS NULL OR $nameContains CONTAINS '\n'
             THEN normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains)
             ELSE c.nameText CONTAINS $nameContains END
    AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
    AND ($recognizedIn IS NULL OR EXISTS { (c)-[l:LISTED_IN]->(:Program)
          WHERE l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn })
  WITH c ORDER BY c.key LIMIT $limit
  RETURN collect(c) AS scanned
}
UNWIND fromIndex + scanned AS c
WITH c ORDER BY c.key LIMIT $limit
RETURN c {.key, .name, .industryPhrase} AS cluster,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:IN_PROVINCE]->(r:Region) WITH r ORDER BY r.code RETURN r {.code, .name, .level, .parent} } END AS provinces,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:BELONGS_TO]->(i:Industry) WITH i ORDER BY i.code RETURN i {.code, .name, .level, .parent} } END AS industries,
       CASE WHEN $links THEN COLLECT { MATCH (c)-[:LISTED_IN]->(p:Program) WITH DISTINCT p ORDER BY p.key RETURN p {.*} } END AS programs
ORDER BY cluster.key
