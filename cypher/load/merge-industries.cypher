// $rows: [{code, name, level}], $loadId. Creates or updates the GB/T 4754-2017 industries.
UNWIND $rows AS row
MERGE (i:Industry {code: row.code})
SET i.name = row.name, i.level = row.level, i.loadId = $loadId
