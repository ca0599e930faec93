// $keys: cluster keys. The clusters each may be one with (POSSIBLY_SAME, in either direction), with
// the pair's score and evidence, highest score first.
MATCH (served:Serving {key: 'graph'})
MATCH (c:Cluster)-[m:POSSIBLY_SAME]-(o:Cluster) WHERE c.key IN $keys AND c.generation = served.generation
RETURN c.key AS cluster, o {.key, .name, .industryPhrase} AS other, m.score AS score, m.evidence AS evidence
ORDER BY m.score DESC, o.key
