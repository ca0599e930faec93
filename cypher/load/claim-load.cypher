// $loadId, $staleAfter (milliseconds), $run: the id of this start of the database when it runs in
// the loader's own process (EmbeddedNeo4j.runId), else null. Claims the right to stage the next
// graph: granted when no load holds the claim, or when the one holding it is dead. A killed process
// leaves its claim behind: dead is a claim not renewed (renew-claim) for $staleAfter, or one made
// in the process that ran the database before this start, which ended with it (only the process
// that runs a store can record its run; a load over Bolt records none and goes stale by time alone).
// Returns who holds the claim afterwards and since when (epoch milliseconds of the database's clock).
MERGE (l:LoadClaim {key: 'load'})
WITH l, (l.loadId IS NULL OR l.renewed < timestamp() - $staleAfter
         OR (l.run IS NOT NULL AND $run IS NOT NULL AND l.run <> $run)) AS free
SET l.loadId = CASE WHEN free THEN $loadId ELSE l.loadId END,
    l.since = CASE WHEN free THEN timestamp() ELSE l.since END,
    l.renewed = CASE WHEN free THEN timestamp() ELSE l.renewed END,
    l.run = CASE WHEN free THEN $run ELSE l.run END
RETURN l.loadId AS holder, l.since AS since, l.renewed AS renewed
