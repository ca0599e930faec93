// $generation: the generation the load stages (see switch-generation).
// $rows: [{code, parent}]. Links each industry to its parent.
UNWIND $rows AS row
MATCH (i:Industry {code: row.code, generation: $generation}), (p:Industry {code: row.parent, generation: $generation})
CREATE (i)-[:BELONGS_TO]->(p)
