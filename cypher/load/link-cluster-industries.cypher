// $generation: the generation the load stages (see switch-generation).
// $rows: [{key, code, rule, confidence, detail, evidence}]. Classifies each cluster, recording the
// rule that gave the industry, its confidence (0 to 1), what matched (detail) and the listings
// (document:line) whose industry phrase denotes it.
UNWIND $rows AS row
MATCH (c:Cluster {key: row.key, generation: $generation}), (i:Industry {code: row.code, generation: $generation})
CREATE (c)-[:BELONGS_TO {rule: row.rule, confidence: row.confidence, detail: row.detail,
  evidence: row.evidence}]->(i)
