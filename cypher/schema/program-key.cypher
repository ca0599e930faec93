// A unique key per Program: lookups by id use it, and loads MERGE on it. No parameters.
CREATE CONSTRAINT program_key IF NOT EXISTS FOR (n:Program) REQUIRE n.key IS UNIQUE
