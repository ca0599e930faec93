// $rows: [{code, name, level, source}], $loadId. Creates or updates regions.
UNWIND $rows AS row
MERGE (r:Region {code: row.code})
SET r.name = row.name, r.level = row.level, r.source = row.source, r.loadId = $loadId
