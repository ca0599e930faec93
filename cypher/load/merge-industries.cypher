// $rows: [{code, name, level, parent}], $loadId. Creates or updates the GB/T 4754-2017 industries,
// each with its parent's code (null for sections).
UNWIND $rows AS row
MERGE (i:Industry {code: row.code})
SET i.name = row.name, i.level = row.level, i.parent = row.parent, i.loadId = $loadId
