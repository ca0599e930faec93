// No parameters. The names of the store's indexes, those backing constraints included: the schema
// statements whose index or constraint is missing run at start.
SHOW INDEXES YIELD name
RETURN collect(name) AS names
