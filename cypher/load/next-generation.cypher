// No parameters. The generation served (-1 before the first switch) and the one a load stages: one
// above it (a store with no graph yet starts at 1), free once delete-unserved has run.
OPTIONAL MATCH (s:Serving {key: 'graph'})
RETURN coalesce(s.generation, -1) AS served, coalesce(s.generation, 0) + 1 AS generation
