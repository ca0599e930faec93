// $generation: the generation the load stages (see switch-generation).
// $rows: [{from, to, score, evidence}]. Links two clusters that may be one (a pair of their listings
// scored high enough for an analyst's look but did not merge), from the key that sorts first.
// Both ends are sought in their unique (key or code, generation) index, by a SEEK hint: on a
// fresh store, planned from indexes sampled while empty, one end was once found by scanning the
// whole index for every row (3.4 million entries read for a batch of a thousand regions), and a
// plain USING INDEX hint still allows that scan.
UNWIND $rows AS row
MATCH (a:Cluster {key: row.from, generation: $generation}), (b:Cluster {key: row.to, generation: $generation})
USING INDEX SEEK a:Cluster(key, generation) USING INDEX SEEK b:Cluster(key, generation)
CREATE (a)-[:POSSIBLY_SAME {score: row.score, evidence: row.evidence}]->(b)
