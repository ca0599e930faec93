// A unique code per Region: lookups by id use it, and loads MERGE on it. No parameters.
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE
