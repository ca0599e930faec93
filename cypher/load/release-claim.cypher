// $loadId. Gives up the load's claim, when it has switched or failed.
MATCH (l:LoadClaim {key: 'load'})
WHERE l.loadId = $loadId
REMOVE l.loadId, l.since, l.renewed, l.run
