// $query: a Lucene query over the names index; $limit. The nodes whose names match, best first
// (ties by label and key), each as the API reads its label: clusters with their industry phrase,
// regions and industries with their parent's code, programs with their distinct cluster count.
CALL db.index.fulltext.queryNodes('names', $query, {limit: $limit}) YIELD node, score
OPTIONAL MATCH (node)-[:LOCATED_IN|BELONGS_TO]->(parent:Region|Industry)
WHERE NOT node:Cluster
WITH node, score, parent,
     CASE WHEN node:Cluster THEN 'Cluster' WHEN node:Region THEN 'Region'
          WHEN node:Industry THEN 'Industry' ELSE 'Program' END AS label
RETURN label, score,
       node {.key, .code, .name, .industryPhrase, .level, .issuer, .years, parent: parent.code,
             clusterCount: CASE WHEN node:Program
                           THEN COUNT { MATCH (node)<-[:LISTED_IN]-(c:Cluster) RETURN DISTINCT c } END} AS node
ORDER BY score DESC, label, coalesce(node.key, node.code)
