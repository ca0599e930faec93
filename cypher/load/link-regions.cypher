// $generation: the generation the load stages (see switch-generation).
// $rows: [{code, parent}]. Links each region to the region it lies in.
// Both ends are sought in their unique (key or code, generation) index, by a SEEK hint: on a
// fresh store, planned from indexes sampled while empty, one end was once found by scanning the
// whole index for every row (3.4 million entries read for a batch of a thousand regions), and a
// plain USING INDEX hint still allows that scan.
UNWIND $rows AS row
MATCH (r:Region {code: row.code, generation: $generation}), (p:Region {code: row.parent, generation: $generation})
USING INDEX SEEK r:Region(code, generation) USING INDEX SEEK p:Region(code, generation)
CREATE (r)-[:LOCATED_IN]->(p)
