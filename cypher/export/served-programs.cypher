// No parameters. The generation served now and its programs in key order, each with how many
// listings it has; no row before any load. The export reads the programs' listings in that
// generation, a chunk at a time, and checks each program's count against this one.
MATCH (served:Serving {key: 'graph'})
OPTIONAL MATCH (p:Program) WHERE p.generation = served.generation
WITH served, p ORDER BY p.key
RETURN served.generation AS generation,
       collect(CASE WHEN p IS NOT NULL THEN {key: p.key, listings: COUNT { (p)<-[:LISTED_IN]-() }} END)
         AS programs
