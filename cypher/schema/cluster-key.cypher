// A Cluster's key is unique within its generation (a load writes the next generation beside the one
// served; see load/switch-generation). Lookups by id seek on it with the served generation, the
// staging statements link by it, and keyset pages read clusters in key order from it. No parameters.
CREATE CONSTRAINT cluster_generation_key IF NOT EXISTS FOR (n:Cluster) REQUIRE (n.key, n.generation) IS UNIQUE
