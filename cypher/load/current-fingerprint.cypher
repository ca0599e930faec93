// No parameters. The fingerprint of the inputs of the graph loaded now; no row before any load.
MATCH (d:Dataset {key: 'current'}) RETURN d.fingerprint AS fingerprint
