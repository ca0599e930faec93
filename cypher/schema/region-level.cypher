// Regions are filtered by level (provinces, prefectures...). No parameters.
CREATE INDEX region_level IF NOT EXISTS FOR (r:Region) ON (r.level)
