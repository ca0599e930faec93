// $region, $regionLevel, $industry, $program, $year, $recognizedIn, $nameContains: the filters of clusters-page, each null when
// not given; $want: {province, program, regionLevel, provinceProgram}, which of those facets to count;
// $industryLevels and $industryProgramLevels: the industry levels asked of byIndustry and
// byIndustryAndProgram (empty when not asked). The clusters matching every filter, counted by distinct
// cluster per group, most first: by province (IN_PROVINCE), program, industry of a level (a cluster's
// industries and those above them: inIndustries, written at load), the levels of its LOCATED_IN regions
// (regionLevels), province and program, industry and program.
// The clusters are selected as the list pages select them (ClusterFilter.statements): a region's from
// the province_members index or the region_members runs of its memberRegions, as
// clusters-in-region-count does; an industry's, when no region is named, from the industry_members
// runs of its memberIndustries (every cluster for a wide industry), as clusters-in-industry-count does;
// a program's, when neither is, from its listings; a year's, when none of the three is, from the
// listing_years index, as clusters-in-year-count does (on a graph loaded before the listings carried
// their cluster's key, every cluster); a text's, when none of the four is, from the text index of the
// clusters' names, as clusters-named-count does (on a graph loaded before clusters carried nameText,
// every cluster); every cluster only when none of the five is named, and not for a year of recognition
// in which the load counted none.
// Each branch answers only for its own case, and its rows are distinct clusters. The filters' predicates
// follow, as in clusters-page.
// Each facet is counted in a subquery of its own, over the matched list or over nothing when it is not
// asked: counting expressions (COLLECT inside a CASE or a list) were evaluated apart from the plan and
// took more than the database's transaction memory for an industry facet at 64,000 listings.
MATCH (served:Serving {key: 'graph'})
// (whether the served graph's listings carry their cluster's key: the first listing of its first
// program tells, the scan hint keeping a relationship scan through every listing of both generations
// out of the plan)
WITH served, coalesce(head(COLLECT { MATCH ()-[l:LISTED_IN]->(p:Program) USING SCAN p:Program
                                     WHERE p.generation = served.generation
                                     RETURN l.cluster IS NOT NULL AS indexed LIMIT 1 }), false) AS indexed
// (whether the served graph's clusters carry nameText: its first cluster in key order tells)
WITH served, indexed, coalesce(head(COLLECT { MATCH (c:Cluster) USING INDEX SEEK c:Cluster(key, generation)
                                              WHERE c.key > '' AND c.generation = served.generation
                                              RETURN c.nameText IS NOT NULL AS named LIMIT 1 }), false) AS named
// (whether $recognizedIn is a year in which the load counted no cluster recognized, as clusters-page
// reads it: then nothing matches, and every cluster is not read to find that out)
OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
WITH served, indexed, named,
     CASE WHEN $recognizedIn IS NULL OR d.recognizedYears IS NULL THEN false
          WHEN $recognizedIn < head(d.recognizedYears) THEN true
          WHEN $recognizedIn > last(d.recognizedYears) THEN last(d.clustersRecognizedIn) = 0
          ELSE d.clustersRecognizedIn[$recognizedIn - head(d.recognizedYears)] = 0 END AS none
CALL (served, indexed, named, none) {
  MATCH (r:Region {code: $region, generation: served.generation})
  WHERE r.level = 'PROVINCE'
  MATCH (c:Cluster)-[m:IN_PROVINCE]->()
  USING INDEX SEEK m:IN_PROVINCE(generation, region, cluster)
  WHERE m.generation = served.generation AND m.region = r.code AND m.cluster IS NOT NULL
  RETURN c
  UNION ALL
  MATCH (r:Region {code: $region, generation: served.generation})
  WHERE r.level <> 'PROVINCE'
  UNWIND coalesce(r.memberRegions, []) AS code
  MATCH (c:Cluster)-[m:LOCATED_IN]->()
  USING INDEX SEEK m:LOCATED_IN(generation, region, cluster)
  WHERE m.generation = served.generation AND m.region = code AND m.cluster IS NOT NULL
  WITH DISTINCT c
  RETURN c
  UNION ALL
  MATCH (i:Industry {code: $industry, generation: served.generation})
  WHERE $region IS NULL
  OPTIONAL MATCH (d:Dataset {key: 'current', generation: served.generation})
  WITH served, i,
       size(coalesce(i.memberIndustries, [])) * coalesce(i.treeMemberCount, 0) > coalesce(d.clusterCount, 0) AS wide
  CALL (served, i, wide) {
    // a wide industry: every cluster once, the others left out by the filters below (not wide:
    // the seek's bound is null, which no key is above, so it reads nothing)
    MATCH (c:Cluster)
    USING INDEX SEEK c:Cluster(key, generation)
    WHERE c.key > CASE WHEN wide THEN '' END AND c.generation = served.generation
    RETURN c
    UNION ALL
    WITH served, i WHERE NOT wide
    UNWIND coalesce(i.memberIndustries, []) AS code
    MATCH (c:Cluster)-[m:BELONGS_TO]->()
    USING INDEX SEEK m:BELONGS_TO(generation, industry, cluster)
    WHERE m.generation = served.generation AND m.industry = code AND m.cluster IS NOT NULL
    WITH DISTINCT c
    RETURN c
  }
  RETURN c
  UNION ALL
  MATCH (p:Program {key: $program, generation: served.generation})
  WHERE $region IS NULL AND $industry IS NULL
  MATCH (c:Cluster)-[:LISTED_IN]->(p)
  WITH DISTINCT c
  RETURN c
  UNION ALL
  WITH served, indexed WHERE $region IS NULL AND $industry IS NULL AND $program IS NULL AND indexed
  MATCH (c:Cluster)-[l:LISTED_IN]->()
  USING INDEX SEEK l:LISTED_IN(generation, year, cluster)
  WHERE l.generation = served.generation AND l.year = $year AND l.cluster IS NOT NULL
  WITH DISTINCT c
  RETURN c
  UNION ALL
  WITH served, named WHERE $region IS NULL AND $industry IS NULL AND $program IS NULL AND $year IS NULL
                       AND $nameContains IS NOT NULL AND named
  MATCH (c:Cluster) USING TEXT INDEX c:Cluster(nameText)
  WHERE c.nameText CONTAINS $nameContains AND c.generation = served.generation
  RETURN c
  UNION ALL
  // none named: every cluster of the served graph (otherwise the bound is null and this reads nothing)
  MATCH (c:Cluster)
  USING INDEX SEEK c:Cluster(key, generation)
  WHERE c.key > CASE WHEN $region IS NULL AND $industry IS NULL AND $program IS NULL
                       AND ($year IS NULL OR NOT indexed)
                       AND ($year IS NOT NULL OR $nameContains IS NULL OR NOT named) AND NOT none THEN '' END
    AND c.generation = served.generation
  RETURN c
}
WITH served, c
WHERE ($region IS NULL OR $region IN c.inRegions)
  AND ($industry IS NULL OR $industry IN c.inIndustries)
  AND ($regionLevel IS NULL OR $regionLevel IN c.regionLevels)
  AND (($program IS NULL AND $year IS NULL AND $recognizedIn IS NULL) OR EXISTS {
        (c)-[l:LISTED_IN]->(p:Program) WHERE ($program IS NULL OR p.key = $program) AND ($year IS NULL OR l.year = $year)
          AND ($recognizedIn IS NULL OR l.year <= $recognizedIn AND coalesce(l.validThrough, $recognizedIn) >= $recognizedIn) })
  // (nameText, where the graph has it, holds every name: see clusters-named-page)
  AND ($nameContains IS NULL
       OR CASE WHEN c.nameText IS NULL OR $nameContains CONTAINS '\n'
               THEN normalize(c.name, NFKC) CONTAINS $nameContains OR any(n IN c.names WHERE normalize(n, NFKC) CONTAINS $nameContains)
               ELSE c.nameText CONTAINS $nameContains END)
// one row even when nothing matches (no grouping key); generation is then null, and unused
WITH collect(c) AS matched, max(served.generation) AS generation
CALL (matched) {
  UNWIND CASE WHEN $want.province THEN matched ELSE [] END AS c
  MATCH (c)-[:IN_PROVINCE]->(p:Region)
  WITH p, count(DISTINCT c) AS n
  ORDER BY n DESC, p.code
  RETURN collect({region: p {.code, .name, .level, .parent}, count: n}) AS byProvince
}
CALL (matched) {
  UNWIND CASE WHEN $want.program THEN matched ELSE [] END AS c
  MATCH (c)-[:LISTED_IN]->(g:Program)
  WITH g, count(DISTINCT c) AS n
  ORDER BY n DESC, g.key
  RETURN collect({program: g {.*}, count: n}) AS byProgram
}
CALL (matched, generation) {
  UNWIND CASE WHEN size($industryLevels) > 0 THEN matched ELSE [] END AS c
  UNWIND c.inIndustries AS code
  WITH code, count(*) AS n
  MATCH (i:Industry {code: code, generation: generation})
  WHERE i.level IN $industryLevels
  WITH i, n
  ORDER BY n DESC, i.code
  RETURN collect({level: i.level, industry: i {.code, .name, .level, .parent}, count: n}) AS industryCounts
}
CALL (matched) {
  UNWIND CASE WHEN $want.regionLevel THEN matched ELSE [] END AS c
  UNWIND c.regionLevels AS level
  WITH level, count(*) AS n
  ORDER BY n DESC, level
  RETURN collect({regionLevel: level, count: n}) AS byRegionLevel
}
CALL (matched) {
  UNWIND CASE WHEN $want.provinceProgram THEN matched ELSE [] END AS c
  MATCH (p:Region)<-[:IN_PROVINCE]-(c)-[:LISTED_IN]->(g:Program)
  WITH p, g, count(DISTINCT c) AS n
  ORDER BY n DESC, p.code, g.key
  RETURN collect({region: p {.code, .name, .level, .parent}, program: g {.*}, count: n}) AS byProvinceAndProgram
}
CALL (matched, generation) {
  // the lengths of the asked levels' codes leave out, before the grouping, the codes of the other
  // levels (four times as many groups); the MATCH then keeps the asked levels' industries only
  WITH matched, generation
  WHERE size($industryProgramLevels) > 0
  WITH matched, generation, COLLECT {
         MATCH (i:Industry {generation: generation}) WHERE i.level IN $industryProgramLevels
         RETURN DISTINCT size(i.code) } AS lengths
  UNWIND matched AS c
  MATCH (c)-[:LISTED_IN]->(g:Program)
  WITH DISTINCT c, g, lengths
  UNWIND c.inIndustries AS code
  WITH code, g, lengths
  WHERE size(code) IN lengths
  WITH code, g, count(*) AS n
  MATCH (i:Industry {code: code, generation: generation})
  WHERE i.level IN $industryProgramLevels
  WITH i, g, n
  ORDER BY n DESC, i.code, g.key
  RETURN collect({level: i.level, industry: i {.code, .name, .level, .parent}, program: g {.*}, count: n}) AS industryProgramCounts
}
RETURN size(matched) AS total, byProvince, byProgram, byRegionLevel, byProvinceAndProgram,
  [level IN $industryLevels | {level: level, counts: [x IN industryCounts WHERE x.level = level
    | {industry: x.industry, count: x.count}]}] AS byIndustry,
  [level IN $industryProgramLevels | {level: level, counts: [x IN industryProgramCounts WHERE x.level = level
    | {industry: x.industry, program: x.program, count: x.count}]}] AS byIndustryAndProgram
