// $want: {province, program, regionLevel}, which of those facets to count; $industryLevels: the
// industry levels asked of byIndustry (empty when not asked). The facets of cluster-facets for every
// cluster (no filter), from the counts the load recorded instead of from the clusters: a province's
// and an industry's treeMemberCount (load/count-region-clusters, load/count-industry-clusters: the
// clusters in it or under it, each once, as the facets count them), a program's clusterCount
// (load/summarize-programs) and the dataset's clustersByRegionLevel (load/set-dataset), each group with
// clusters, most first. No row for a graph loaded before the load recorded clustersByRegionLevel:
// cluster-facets counts those. FacetsApiTests compares the two statements on the served graph.
MATCH (served:Serving {key: 'graph'})
MATCH (d:Dataset {key: 'current', generation: served.generation})
WHERE d.clustersByRegionLevel IS NOT NULL
RETURN d.clusterCount AS total,
  CASE WHEN $want.province THEN COLLECT {
    MATCH (p:Region {level: 'PROVINCE'})
    WHERE p.generation = served.generation AND p.treeMemberCount > 0
    WITH p ORDER BY p.treeMemberCount DESC, p.code
    RETURN {region: p {.code, .name, .level, .parent}, count: p.treeMemberCount} } ELSE [] END AS byProvince,
  CASE WHEN $want.program THEN COLLECT {
    MATCH (g:Program)
    WHERE g.generation = served.generation AND g.clusterCount > 0
    WITH g ORDER BY g.clusterCount DESC, g.key
    RETURN {program: g {.*}, count: g.clusterCount} } ELSE [] END AS byProgram,
  [level IN $industryLevels | {level: level, counts: COLLECT {
    MATCH (i:Industry)
    WHERE i.generation = served.generation AND i.level = level AND i.treeMemberCount > 0
    WITH i ORDER BY i.treeMemberCount DESC, i.code
    RETURN {industry: i {.code, .name, .level, .parent}, count: i.treeMemberCount} }}] AS byIndustry,
  CASE WHEN $want.regionLevel THEN COLLECT {
    UNWIND range(0, size(d.regionLevels) - 1) AS k
    WITH d.regionLevels[k] AS level, d.clustersByRegionLevel[k] AS n
    ORDER BY n DESC, level
    RETURN {regionLevel: level, count: n} } ELSE [] END AS byRegionLevel
