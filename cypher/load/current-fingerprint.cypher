// No parameters. The fingerprint of the inputs of the graph served now; no row before any load.
MATCH (s:Serving {key: 'graph'})
MATCH (d:Dataset {key: 'current', generation: s.generation})
RETURN d.fingerprint AS fingerprint
