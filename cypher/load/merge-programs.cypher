// $rows: [{key, name, issuer, level, years, document}], $loadId. Creates or updates the programs.
UNWIND $rows AS row
MERGE (p:Program {key: row.key})
SET p.name = row.name, p.issuer = row.issuer, p.level = row.level, p.years = row.years,
    p.document = row.document, p.loadId = $loadId
