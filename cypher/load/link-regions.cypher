// $rows: [{code, parent}]. Links each region to the region it lies in.
UNWIND $rows AS row
MATCH (r:Region {code: row.code}), (p:Region {code: row.parent})
CREATE (r)-[:LOCATED_IN]->(p)
