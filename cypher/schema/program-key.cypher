// A Program's key is unique within its generation (see cluster-key). No parameters.
CREATE CONSTRAINT program_generation_key IF NOT EXISTS FOR (n:Program) REQUIRE (n.key, n.generation) IS UNIQUE
