// A unique key per Cluster: lookups by id use it, and loads MERGE on it. No parameters.
CREATE CONSTRAINT cluster_key IF NOT EXISTS FOR (n:Cluster) REQUIRE n.key IS UNIQUE
