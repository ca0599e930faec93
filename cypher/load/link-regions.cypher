// $generation: the generation the load stages (see switch-generation).
// $rows: [{code, parent}]. Links each region to the region it lies in.
UNWIND $rows AS row
MATCH (r:Region {code: row.code, generation: $generation}), (p:Region {code: row.parent, generation: $generation})
CREATE (r)-[:LOCATED_IN]->(p)
