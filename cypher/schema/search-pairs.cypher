// Full-text index over the same names as search_names, analyzed into pairs of adjacent Chinese
// characters (Lucene's CJK analyzer: 数控机床 is 数控, 控机 and 机床). A text with two adjacent
// characters is searched here first: a pair is held by far fewer names than each of its characters,
// so the search reads short postings on a large graph. Single characters stay with search_names.
// The database keeps one full-text index per labels and properties in their order, so this one
// names the two properties the other way round. Eventually consistent like search_names, and
// awaited with it before a load switches (load/await-search-index). No parameters.
CREATE FULLTEXT INDEX search_pairs IF NOT EXISTS FOR (n:Cluster|Region|Industry|Program) ON EACH [n.names, n.name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}}
