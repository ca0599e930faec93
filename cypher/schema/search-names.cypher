// Full-text index over every name a user may search: clusters (canonical name and every name as
// listed), regions, industries and programs. The standard analyzer splits Chinese text into single
// characters, so text without spaces matches and single characters work (a text with two adjacent
// characters is searched by its pairs in search_pairs first). Eventually consistent: a load's
// batches do not wait for the index, which catches up in the background, and the load waits for it
// once before it switches (load/await-search-index). No parameters.
CREATE FULLTEXT INDEX search_names IF NOT EXISTS FOR (n:Cluster|Region|Industry|Program) ON EACH [n.name, n.names]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: true}}
