// A unique key per Dataset: lookups by id use it, and loads MERGE on it. No parameters.
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (n:Dataset) REQUIRE n.key IS UNIQUE
