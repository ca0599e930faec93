// A unique code per Industry: lookups by id use it, and loads MERGE on it. No parameters.
CREATE CONSTRAINT industry_code IF NOT EXISTS FOR (n:Industry) REQUIRE n.code IS UNIQUE
