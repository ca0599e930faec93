// Region.code alone, beside the (code, generation) constraint, for Cypher written against the model
// that looks a region up by code without a generation: an analyst's, and the benchmarks' floor
// and peer. No parameters.
CREATE INDEX region_code_lookup IF NOT EXISTS FOR (n:Region) ON (n.code)
