// $generation: the generation the load stages (see switch-generation).
// $rows: [{key, name, issuer, level, years, document, validityYears, validitySource}]. Stages the
// programs of the next graph; the validity is null where no official source states one.
UNWIND $rows AS row
CREATE (p:Program {key: row.key, generation: $generation})
SET p.name = row.name, p.issuer = row.issuer, p.level = row.level, p.years = row.years,
    p.document = row.document, p.validityYears = row.validityYears, p.validitySource = row.validitySource
