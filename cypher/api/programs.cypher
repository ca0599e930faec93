// No parameters. Every program (with the number of distinct clusters it lists, counted at load), by key.
MATCH (p:Program)
RETURN p {.*} AS program
ORDER BY p.key
