// $loadId, $staleAfter (milliseconds). Claims the right to stage the next graph: granted when no
// load holds the claim, or when the one holding it has not renewed it (renew-claim) for
// $staleAfter, being dead (a killed process leaves its claim behind). Returns who holds the claim
// afterwards and since when (epoch milliseconds of the database's clock).
MERGE (l:LoadClaim {key: 'load'})
WITH l, (l.loadId IS NULL OR l.renewed < timestamp() - $staleAfter) AS free
SET l.loadId = CASE WHEN free THEN $loadId ELSE l.loadId END,
    l.since = CASE WHEN free THEN timestamp() ELSE l.since END,
    l.renewed = CASE WHEN free THEN timestamp() ELSE l.renewed END
RETURN l.loadId AS holder, l.since AS since, l.renewed AS renewed
