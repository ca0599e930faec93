// $rows: [{code, parent}]. Links each industry to its parent.
UNWIND $rows AS row
MATCH (i:StagedIndustry {code: row.code}), (p:StagedIndustry {code: row.parent})
CREATE (i)-[:BELONGS_TO]->(p)
