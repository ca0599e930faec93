// $generation: a staged generation, complete. The switch: every read starts from the Serving node
// and answers from the generation it names, so setting that one property moves every reader from
// the previous graph, complete, to the new one, at the cost of one property whatever the graph's
// size. No row, and no switch, when the generation has no Dataset node (it was not staged whole).
MATCH (:Dataset {key: 'current', generation: $generation})
MERGE (s:Serving {key: 'graph'})
SET s.generation = $generation
RETURN s.generation AS generation
