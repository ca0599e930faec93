// Industry.code alone, beside the (code, generation) constraint, for Cypher written against the model
// that looks a industry up by code without a generation: an analyst's, and the benchmarks' floor
// and peer. No parameters.
CREATE INDEX industry_code_lookup IF NOT EXISTS FOR (n:Industry) ON (n.code)
