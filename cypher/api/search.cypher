// $index: search_names (single characters) or search_pairs (pairs of adjacent characters); $query:
// a Lucene query over it; $limit: how many index hits to read. The hits, best first (ties by label
// and key), each with its label, whether it is of the served generation (served) and, when it is,
// its stored properties. The index holds every generation's names, so while a load stages the next
// graph some hits are not served: the caller asks again for more hits when fewer than it needs were
// served and the index had more.
MATCH (served:Serving {key: 'graph'})
CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
WITH node, score, node.generation = served.generation AS served,
     CASE WHEN node:Cluster THEN 'Cluster' WHEN node:Region THEN 'Region'
          WHEN node:Industry THEN 'Industry' ELSE 'Program' END AS label
RETURN label, score, served, CASE WHEN served THEN node {.*} END AS node
ORDER BY score DESC, label, coalesce(node.key, node.code)
