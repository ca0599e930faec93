// Program.key alone, beside the (key, generation) constraint, for Cypher written against the model
// that looks a program up by key without a generation: an analyst's, and the benchmarks' floor
// and peer. No parameters.
CREATE INDEX program_key_lookup IF NOT EXISTS FOR (n:Program) ON (n.key)
