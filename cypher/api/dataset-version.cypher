// No parameters. What identifies the graph the last load wrote (its fingerprint and time), for
// answers kept between requests; no row before the first load. Every load writes a new time.
MATCH (served:Serving {key: 'graph'})
MATCH (d:Dataset {key: 'current', generation: served.generation})
RETURN d.fingerprint + '@' + toString(d.loadedAt) AS version
