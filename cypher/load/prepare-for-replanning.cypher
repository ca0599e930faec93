// Samples every index again, waits for the samples, then empties the query caches: statements run
// after a load are planned from the statistics of the graph just written, not from those of the
// graph before it (on a fresh store, of indexes that were empty) until the database's own sampling
// catches up.
CALL db.prepareForReplanning()
