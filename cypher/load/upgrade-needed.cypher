// No parameters. The names of the store's indexes (a unique constraint's index has the constraint's
// name), from which the schema statements whose index or constraint is missing run at start; and
// whether the store was written before generations: such a store has the indexes that
// cypher/upgrade drops.
SHOW INDEXES YIELD name
RETURN collect(name) AS names,
       count(CASE WHEN name IN ['names', 'cluster_key', 'dataset_key', 'industry_code', 'program_key', 'region_code',
                                'staged_cluster_key', 'staged_industry_code', 'staged_program_key',
                                'staged_region_code'] THEN 1 END) > 0 AS needed
