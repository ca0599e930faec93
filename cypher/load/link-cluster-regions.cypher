// $generation: the generation the load stages (see switch-generation).
// $rows: [{key, code, rule, evidence}]. Locates each cluster in its deepest consistent regions,
// recording the rule and the listings (document:line) that placed it there. The relationship also
// carries the generation, the region's code and the cluster's key, for the region_members index
// (schema/region-members): a region's clusters are read from it in key order, a page at a time.
// Both ends are sought in their unique (key or code, generation) index, by a SEEK hint: on a
// fresh store, planned from indexes sampled while empty, one end was once found by scanning the
// whole index for every row (3.4 million entries read for a batch of a thousand regions), and a
// plain USING INDEX hint still allows that scan.
UNWIND $rows AS row
MATCH (c:Cluster {key: row.key, generation: $generation}), (r:Region {code: row.code, generation: $generation})
USING INDEX SEEK c:Cluster(key, generation) USING INDEX SEEK r:Region(code, generation)
CREATE (c)-[:LOCATED_IN {rule: row.rule, evidence: row.evidence, generation: $generation, region: row.code,
  cluster: row.key}]->(r)
