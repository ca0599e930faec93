// $generation: the generation the load stages (see switch-generation).
// $rows: [{from, to, score, evidence}]. Links two clusters that may be one (a pair of their listings
// scored high enough for an analyst's look but did not merge), from the key that sorts first.
UNWIND $rows AS row
MATCH (a:Cluster {key: row.from, generation: $generation}), (b:Cluster {key: row.to, generation: $generation})
CREATE (a)-[:POSSIBLY_SAME {score: row.score, evidence: row.evidence}]->(b)
