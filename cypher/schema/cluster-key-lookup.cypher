// Cluster.key alone, beside the (key, generation) constraint, for Cypher written against the model
// that looks a cluster up by key without a generation: an analyst's, and the benchmarks' floor
// and peer. No parameters.
CREATE INDEX cluster_key_lookup IF NOT EXISTS FOR (n:Cluster) ON (n.key)
