// $rows: [{from, to, score, evidence}]. Links two clusters that may be one (a pair of their listings
// scored high enough for an analyst's look but did not merge), from the key that sorts first.
UNWIND $rows AS row
MATCH (a:StagedCluster {key: row.from}), (b:StagedCluster {key: row.to})
CREATE (a)-[:POSSIBLY_SAME {score: row.score, evidence: row.evidence}]->(b)
