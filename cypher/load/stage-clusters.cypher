// $rows: [{key, name, industryPhrase, names}]. Stages a batch of the next graph's clusters. Two
// clusters given one key fail the load on the staged key's constraint instead of becoming one.
UNWIND $rows AS row
CREATE (c:Staged:StagedCluster {key: row.key})
SET c.name = row.name, c.industryPhrase = row.industryPhrase, c.names = row.names
