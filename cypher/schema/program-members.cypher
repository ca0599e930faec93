// The clusters a program lists, in key order: each LISTED_IN relationship carries the generation,
// its program's key and its cluster's key (load/create-listings), so that a page of
// clusters(filter: {program}) seeks the first listings above a key instead of reading every cluster
// of the graph until a page of the program's is found. A cluster listed in several editions has a
// listing each, side by side in the index. No parameters.
CREATE INDEX program_members IF NOT EXISTS FOR ()-[l:LISTED_IN]-() ON (l.generation, l.program, l.cluster)
