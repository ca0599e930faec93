// $rows: [{key, code, rule, evidence}]. Classifies each cluster, recording the rule and the
// listings (document:line) whose industry phrase denotes the industry.
UNWIND $rows AS row
MATCH (c:Cluster {key: row.key}), (i:Industry {code: row.code})
CREATE (c)-[:BELONGS_TO {rule: row.rule, evidence: row.evidence}]->(i)
