// Industry.code alone, beside the (code, generation) constraint: a composite index serves only a predicate on
// both properties, and Cypher written against the model (an analyst's, the benchmarks' floor and
// peer) looks a industry up by code alone. No parameters.
CREATE INDEX industry_code_lookup IF NOT EXISTS FOR (n:Industry) ON (n.code)
