// $generation: the generation the load stages (see switch-generation).
// $rows: [{key, code, rule, evidence}]. Locates each cluster in its deepest consistent regions,
// recording the rule and the listings (document:line) that placed it there.
UNWIND $rows AS row
MATCH (c:Cluster {key: row.key, generation: $generation}), (r:Region {code: row.code, generation: $generation})
CREATE (c)-[:LOCATED_IN {rule: row.rule, evidence: row.evidence}]->(r)
