// $region, $regionLevel, $industry, $program, $year, $recognizedIn, $nameContains: the filters of clusters-page, each null when
// not given; $want: {province, program, regionLevel, provinceProgram}, which of those facets to count;
// $industryLevels and $industryProgramLevels: the industry levels asked of byIndustry and
// byIndustryAndProgram (empty when not asked). The clusters matching every filter, counted by distinct
// cluster per group, most first: by province (IN_PROVINCE), program, industry of a level (a cluster's
// industries and those above them: inIndustries, written at load), the levels of its LOCATED_IN regions
// (regionLevels), province and program, industry and program.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)
WHERE c.generation = served.generation
  AND ($region IS NULL OR $region IN c.inRegions)
  AND ($industry IS NULL OR $industry IN c.inIndustries)
  AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
  AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
        (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
          AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
  AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
// one row even when nothing matches (no grouping key); generation is then null, and unused
WITH collect(c) AS matched, max(served.generation) AS generation
RETURN size(matched) AS total,
  CASE WHEN $want.province THEN COLLECT {
    UNWIND matched AS c MATCH (c)-[:IN_PROVINCE]->(p:Region)
    WITH p, count(DISTINCT c) AS n ORDER BY n DESC, p.code RETURN {region: p {.*}, count: n} } END AS byProvince,
  CASE WHEN $want.program THEN COLLECT {
    UNWIND matched AS c MATCH (c)-[:LISTED_IN]->(g:Program)
    WITH g, count(DISTINCT c) AS n ORDER BY n DESC, g.key RETURN {program: g {.*}, count: n} } END AS byProgram,
  [level IN $industryLevels | {level: level, counts: COLLECT {
    UNWIND matched AS c UNWIND c.inIndustries AS code
    WITH code, count(*) AS n
    MATCH (i:Industry {code: code, generation: generation}) WHERE i.level = level
    WITH i, code, n ORDER BY n DESC, code RETURN {industry: i {.*}, count: n} }}] AS byIndustry,
  CASE WHEN $want.regionLevel THEN COLLECT {
    UNWIND matched AS c UNWIND c.regionLevels AS level
    WITH level, count(*) AS n ORDER BY n DESC, level RETURN {regionLevel: level, count: n} } END
    AS byRegionLevel,
  CASE WHEN $want.provinceProgram THEN COLLECT {
    UNWIND matched AS c MATCH (p:Region)<-[:IN_PROVINCE]-(c)-[:LISTED_IN]->(g:Program)
    WITH p, g, count(DISTINCT c) AS n ORDER BY n DESC, p.code, g.key
    RETURN {region: p {.*}, program: g {.*}, count: n} } END AS byProvinceAndProgram,
  [level IN $industryProgramLevels | {level: level, counts: COLLECT {
    UNWIND matched AS c MATCH (c)-[:LISTED_IN]->(g:Program)
    WITH DISTINCT c, g UNWIND c.inIndustries AS code
    WITH code, g, count(*) AS n
    MATCH (i:Industry {code: code, generation: generation}) WHERE i.level = level
    WITH i, code, g, n ORDER BY n DESC, code, g.key
    RETURN {industry: i {.*}, program: g {.*}, count: n} }}] AS byIndustryAndProgram
