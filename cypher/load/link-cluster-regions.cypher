// $rows: [{key, code, rule, evidence}]. Locates each cluster in its deepest consistent regions,
// recording the rule and the listings (document:line) that placed it there.
UNWIND $rows AS row
MATCH (c:StagedCluster {key: row.key}), (r:StagedRegion {code: row.code})
CREATE (c)-[:LOCATED_IN {rule: row.rule, evidence: row.evidence}]->(r)
