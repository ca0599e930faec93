// After tag-legacy-graph: serves generation 0 where a store has a graph but no Serving node yet
// (a store with no graph gets its Serving node from its first load). No parameters.
OPTIONAL MATCH (s:Serving {key: 'graph'})
WITH s WHERE s IS NULL
MATCH (d:Dataset {generation: 0})
MERGE (:Serving {key: 'graph', generation: 0})
