// $keys: cluster keys. The element ids of those clusters and of the programs, regions and industries
// they are listed in, located in and belong to, for graph/view to draw.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster) WHERE c.key IN $keys AND c.generation = served.generation
OPTIONAL MATCH (c)-[:LISTED_IN|LOCATED_IN|BELONGS_TO]->(m)
WITH collect(DISTINCT elementId(c)) AS clusters, collect(DISTINCT elementId(m)) AS neighbours
RETURN clusters + neighbours AS nodes
