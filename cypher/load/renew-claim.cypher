// $loadId. Renews the load's claim, in the transaction of each batch it stages; no row when the
// claim has passed to another load (this one was taken for dead), which then stops this one.
MATCH (l:LoadClaim {key: 'load'})
WHERE l.loadId = $loadId
SET l.renewed = timestamp()
RETURN l.loadId AS holder
