// No parameters. Whether the store was written before generations: such a store has the indexes
// that cypher/upgrade drops (a unique constraint's index has the constraint's name).
SHOW INDEXES YIELD name
WHERE name IN ['names', 'cluster_key', 'dataset_key', 'industry_code', 'program_key', 'region_code',
               'staged_cluster_key', 'staged_industry_code', 'staged_program_key', 'staged_region_code']
RETURN count(*) > 0 AS needed
