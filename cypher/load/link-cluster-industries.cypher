// $generation: the generation the load stages (see switch-generation).
// $rows: [{key, code, rule, confidence, detail, evidence}]. Classifies each cluster, recording the
// rule that gave the industry, its confidence (0 to 1), what matched (detail) and the listings
// (document:line) whose industry phrase denotes it. The relationship also carries the generation,
// the industry's code and the cluster's key, for the industry_members index (schema/industry-members):
// an industry's clusters are read from it in key order, a page at a time.
// Both ends are sought in their unique (key or code, generation) index, by a SEEK hint: on a
// fresh store, planned from indexes sampled while empty, one end was once found by scanning the
// whole index for every row (3.4 million entries read for a batch of a thousand regions), and a
// plain USING INDEX hint still allows that scan.
UNWIND $rows AS row
MATCH (c:Cluster {key: row.key, generation: $generation}), (i:Industry {code: row.code, generation: $generation})
USING INDEX SEEK c:Cluster(key, generation) USING INDEX SEEK i:Industry(code, generation)
CREATE (c)-[:BELONGS_TO {rule: row.rule, confidence: row.confidence, detail: row.detail,
  evidence: row.evidence, generation: $generation, industry: row.code, cluster: row.key}]->(i)
