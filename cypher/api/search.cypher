// $query: a Lucene query over the names index; $limit. The nodes whose names match, best first
// (ties by label and key), each with its label and its stored properties.
CALL db.index.fulltext.queryNodes('names', $query, {limit: $limit}) YIELD node, score
WITH node, score,
     CASE WHEN node:Cluster THEN 'Cluster' WHEN node:Region THEN 'Region'
          WHEN node:Industry THEN 'Industry' ELSE 'Program' END AS label
RETURN label, score, node {.*} AS node
ORDER BY score DESC, label, coalesce(node.key, node.code)
