// Cluster.key alone, beside the (key, generation) constraint: a composite index serves only a predicate on
// both properties, and Cypher written against the model (an analyst's, the benchmarks' floor and
// peer) looks a cluster up by key alone. No parameters.
CREATE INDEX cluster_key_lookup IF NOT EXISTS FOR (n:Cluster) ON (n.key)
