// $rows: [{key, name, industryPhrase, names}], $loadId. Creates or updates the clusters.
UNWIND $rows AS row
MERGE (c:Cluster {key: row.key})
SET c.name = row.name, c.industryPhrase = row.industryPhrase, c.names = row.names, c.loadId = $loadId
