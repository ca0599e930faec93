// $generation: the generation the load stages (see switch-generation).
// $rows: one per listing with its program, cluster and properties. Each published entry becomes
// one LISTED_IN relationship carrying its year, rank, name as listed, source line and decisions, and
// validThrough: the last year the designation holds, where the program states a validity period,
// and what the listing_order, program_members and listing_years indexes read: the generation, the
// program's key, listingOrder and the cluster's key. A program's first listing of a cluster that
// another program listed before carries the row of laterRecognitions it gives (LaterRecognitions):
// laterOrder, which the later_recognitions index reads, and earlierProgram and earlierOrder, the
// key and listingOrder of the earlier listing; other listings have none of the three.
// Both ends are sought in their unique (key or code, generation) index, by a SEEK hint: on a
// fresh store, planned from indexes sampled while empty, one end was once found by scanning the
// whole index for every row (3.4 million entries read for a batch of a thousand regions), and a
// plain USING INDEX hint still allows that scan.
UNWIND $rows AS row
MATCH (c:Cluster {key: row.cluster, generation: $generation}), (p:Program {key: row.program, generation: $generation})
USING INDEX SEEK c:Cluster(key, generation) USING INDEX SEEK p:Program(key, generation)
CREATE (c)-[:LISTED_IN {generation: $generation, program: row.program, cluster: row.cluster, listingOrder: row.listingOrder,
  year: row.year, validThrough: row.validThrough, rank: row.rank, nameAsListed: row.nameAsListed,
  document: row.document, line: row.line, url: row.url, industryPhrase: row.industryPhrase,
  placedIn: row.placedIn, industryCodes: row.industryCodes, industryConfidence: row.industryConfidence,
  industryEvidence: row.industryEvidence, decisionAspects: row.decisionAspects,
  decisionRules: row.decisionRules, decisionDetails: row.decisionDetails,
  laterOrder: row.laterOrder, earlierProgram: row.earlierProgram, earlierOrder: row.earlierOrder}]->(p)
