// $generation: the generation the load stages.
// $rows: [{program, clusterCount, years, listings, clusters, fresh, shared, laterDated,
// laterUndated, sharedWith, sharedClusters}], one per program, as ProgramSummaries counted them from the clusters the load writes.
// Records on each program how many distinct clusters it lists, and its editions, so that every read of
// a program returns stored properties and Program.editions costs the same for a program of ten
// listings as for one of a million. The editions are five lists, element by element, oldest first:
// editionYears, and for each year its listings (editionListings), its distinct clusters
// (editionClusters), how many of those no earlier edition of the program listed (editionNewClusters)
// and how many another program lists too (editionAlsoOnOtherPrograms). With them, how many rows
// laterRecognitions gives for the program: those whose earlier listing has a year
// (laterRecognitionsDated) and those whose earlier listing has none (laterRecognitionsUndated), the
// rows create-listings marked. And for each other program that lists a cluster this one lists, how
// many such clusters, as two lists element by element: the other programs' keys in order (sharedWith)
// and the counts (sharedClusters), which compareLists reads for two whole programs. Runs after
// create-listings; GraphLoadTests checks every list against
// the program's LISTED_IN relationships.
// The program is sought in its unique (key, generation) index by a SEEK hint, as in the other row
// statements (load/create-listings says why).
UNWIND $rows AS row
MATCH (p:Program {key: row.program, generation: $generation})
USING INDEX SEEK p:Program(key, generation)
SET p.clusterCount = row.clusterCount, p.editionYears = row.years, p.editionListings = row.listings,
    p.editionClusters = row.clusters, p.editionNewClusters = row.fresh, p.editionAlsoOnOtherPrograms = row.shared,
    p.laterRecognitionsDated = row.laterDated, p.laterRecognitionsUndated = row.laterUndated,
    p.sharedWith = row.sharedWith, p.sharedClusters = row.sharedClusters
