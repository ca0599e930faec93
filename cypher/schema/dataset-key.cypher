// One Dataset per generation (see cluster-key). No parameters.
CREATE CONSTRAINT dataset_generation_key IF NOT EXISTS FOR (n:Dataset) REQUIRE (n.key, n.generation) IS UNIQUE
