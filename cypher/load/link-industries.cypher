// $generation: the generation the load stages (see switch-generation).
// $rows: [{code, parent}]. Links each industry to its parent.
// Both ends are sought in their unique (key or code, generation) index, by a SEEK hint: on a
// fresh store, planned from indexes sampled while empty, one end was once found by scanning the
// whole index for every row (3.4 million entries read for a batch of a thousand regions), and a
// plain USING INDEX hint still allows that scan.
UNWIND $rows AS row
MATCH (i:Industry {code: row.code, generation: $generation}), (p:Industry {code: row.parent, generation: $generation})
USING INDEX SEEK i:Industry(code, generation) USING INDEX SEEK p:Industry(code, generation)
CREATE (i)-[:BELONGS_TO]->(p)
