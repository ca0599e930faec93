// $rows: [{code, parent}]. Links each industry to its parent.
UNWIND $rows AS row
MATCH (i:Industry {code: row.code}), (p:Industry {code: row.parent})
CREATE (i)-[:BELONGS_TO]->(p)
