// An Industry's code is unique within its generation (see cluster-key). No parameters.
CREATE CONSTRAINT industry_generation_code IF NOT EXISTS FOR (n:Industry) REQUIRE (n.code, n.generation) IS UNIQUE
