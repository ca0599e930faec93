// No parameters. Waits until the eventually consistent full-text indexes (search_names and
// search_pairs) hold every name written so far, so that search finds the whole next generation from
// the moment the load switches to it.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
