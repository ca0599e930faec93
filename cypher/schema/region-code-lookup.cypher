// Region.code alone, beside the (code, generation) constraint: a composite index serves only a predicate on
// both properties, and Cypher written against the model (an analyst's, the benchmarks' floor and
// peer) looks a region up by code alone. No parameters.
CREATE INDEX region_code_lookup IF NOT EXISTS FOR (n:Region) ON (n.code)
