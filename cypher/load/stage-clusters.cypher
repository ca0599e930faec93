// $generation: the generation the load stages (see switch-generation).
// $rows: [{key, name, industryPhrase, names}]. Stages a batch of the next graph's clusters. Two
// clusters given one key fail the load on the staged key's constraint instead of becoming one.
UNWIND $rows AS row
CREATE (c:Cluster {key: row.key, generation: $generation})
SET c.name = row.name, c.industryPhrase = row.industryPhrase, c.names = row.names
