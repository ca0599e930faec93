// No parameters. The names of the store's indexes (a unique constraint's index has the constraint's
// name): the schema statements whose index or constraint is missing run at start, and a store that
// holds one that cypher/upgrade drops was written before generations. The embedded database's
// names are read from its schema in process instead.
SHOW INDEXES YIELD name
RETURN collect(name) AS names
