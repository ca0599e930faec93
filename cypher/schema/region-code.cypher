// A Region's code is unique within its generation (see cluster-key). No parameters.
CREATE CONSTRAINT region_generation_code IF NOT EXISTS FOR (n:Region) REQUIRE (n.code, n.generation) IS UNIQUE
