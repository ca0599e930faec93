// $rows: [{code, parent}]. Links each region to the region it lies in.
UNWIND $rows AS row
MATCH (r:StagedRegion {code: row.code}), (p:StagedRegion {code: row.parent})
CREATE (r)-[:LOCATED_IN]->(p)
