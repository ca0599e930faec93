// No parameters. The generation a load stages: one above the served one (a store with no graph
// yet starts at 1). Run after delete-unserved, so no node carries it.
OPTIONAL MATCH (s:Serving {key: 'graph'})
RETURN coalesce(s.generation, 0) + 1 AS generation
