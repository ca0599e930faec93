// $region, $industry, $program, $year, $nameContains: the filters of clusters-page, each null when
// not given; $want: {province, program, regionLevel, provinceProgram}, which of those facets to count;
// $industryLevels and $industryProgramLevels: the industry levels asked of byIndustry and
// byIndustryAndProgram (empty when not asked). The clusters matching every filter, counted by distinct
// cluster per group, most first: by province (IN_PROVINCE), program, industry of a level (a cluster's
// industries and those above them), the level of its LOCATED_IN regions, province and program,
// industry and program.
MATCH (c:Cluster)
WHERE ($region IS NULL OR EXISTS { (c)-[:LOCATED_IN]->(:Region)-[:LOCATED_IN*0..]->(:Region {code: $region}) })
  AND ($industry IS NULL OR EXISTS { (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(:Industry {code: $industry}) })
  AND (($program IS NULL AND $year IS NULL) OR EXISTS {
        (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year) })
  AND ($nameContains IS NULL OR normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains))
WITH collect(c) AS matched
RETURN size(matched) AS total,
  CASE WHEN $want.province THEN COLLECT {
    UNWIND matched AS c MATCH (c)-[:IN_PROVINCE]->(p:Region)
    WITH p, count(DISTINCT c) AS n ORDER BY n DESC, p.code RETURN {region: p {.*}, count: n} } END AS byProvince,
  CASE WHEN $want.program THEN COLLECT {
    UNWIND matched AS c MATCH (c)-[:LISTED_IN]->(g:Program)
    WITH g, count(DISTINCT c) AS n ORDER BY n DESC, g.key RETURN {program: g {.*}, count: n} } END AS byProgram,
  [level IN $industryLevels | {level: level, counts: COLLECT {
    UNWIND matched AS c MATCH (c)-[:BELONGS_TO]->(:Industry)-[:BELONGS_TO*0..]->(i:Industry)
    WHERE i.level = level
    WITH i, count(DISTINCT c) AS n ORDER BY n DESC, i.code RETURN {industry: i {.*}, count: n} }}] AS byIndustry,
  CASE WHEN $want.regionLevel THEN COLLECT {
    UNWIND matched AS c MATCH (c)-[:LOCATED_IN]->(r:Region)
    WITH r.level AS level, count(DISTINCT c) AS n ORDER BY n DESC, level RETURN {regionLevel: level, count: n} } END
    AS byRegionLevel,
  CASE WHEN $want.provinceProgram THEN COLLECT {
    UNWIND matched AS c MATCH (p:Region)<-[:IN_PROVINCE]-(c)-[:LISTED_IN]->(g:Program)
    WITH p, g, count(DISTINCT c) AS n ORDER BY n DESC, p.code, g.key
    RETURN {region: p {.*}, program: g {.*}, count: n} } END AS byProvinceAndProgram,
  [level IN $industryProgramLevels | {level: level, counts: COLLECT {
    UNWIND matched AS c MATCH (i:Industry)<-[:BELONGS_TO*0..]-(:Industry)<-[:BELONGS_TO]-(c)-[:LISTED_IN]->(g:Program)
    WHERE i.level = level
    WITH i, g, count(DISTINCT c) AS n ORDER BY n DESC, i.code, g.key
    RETURN {industry: i {.*}, program: g {.*}, count: n} }}] AS byIndustryAndProgram
