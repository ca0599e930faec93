// $generation: the generation the load stages (see switch-generation).
// $rows: [{code, name, level, parent}]. Stages the GB/T 4754-2017 industries of the next graph,
// each with its parent's code (null for sections).
UNWIND $rows AS row
CREATE (i:Industry {code: row.code, generation: $generation})
SET i.name = row.name, i.level = row.level, i.parent = row.parent
