// No parameters. Every program (with the number of distinct clusters it lists, counted at load), by key.
MATCH (served:Serving {key: 'graph'})
MATCH (p:Program)
WHERE p.generation = served.generation
RETURN p {.*} AS program
ORDER BY p.key
