// InProcessReadsTests: a node's stored properties and values computed by Cypher
MATCH (p:Probe {key: $key})
RETURN p {.*} AS probe, [p.n, p.ratio, {nested: p.codes}] AS computed, $given AS given, null AS nothing
