// $program: a program key; $undated: whether listings of lists without editions count as earlier;
// $end: the bound of the rows asked for (RecognitionOrder.end($undated)); $first: how many rows.
// What later-recognitions-walk answers, read from what the load recorded (LaterRecognitions): the
// first $first rows from the later_recognitions index, in its order (longest lag first, then the
// rows whose earlier listing has no year, each by cluster key), each with its later listing (the one
// that carries the row) and its earlier listing (found again among the cluster's listings by its
// program and listingOrder), and the count of all rows from the program's node. One row when the
// served graph holds the program (none otherwise): total, indexed (false on a graph loaded before the
// load recorded the rows, which the service then walks) and the items.
MATCH (served:Serving {key: 'graph'})
MATCH (p:Program {key: $program, generation: served.generation})
CALL (served) {
  MATCH (c:Cluster)-[later:LISTED_IN]->()
  USING INDEX SEEK later:LISTED_IN(generation, program, laterOrder)
  WHERE later.generation = served.generation AND later.program = $program AND later.laterOrder < $end
  WITH c, later
  ORDER BY later.generation, later.program, later.laterOrder
  LIMIT $first
  CALL (c, later) {
    MATCH (c)-[earlier:LISTED_IN]->()
    WHERE earlier.program = later.earlierProgram AND earlier.listingOrder = later.earlierOrder
    RETURN earlier
    LIMIT 1
  }
  RETURN collect({cluster: c.key, earlierProgram: later.earlierProgram, earlier: earlier {.*}, later: later {.*},
                  lag: later.year - earlier.year}) AS items
}
RETURN CASE WHEN $undated THEN p.laterRecognitionsDated + p.laterRecognitionsUndated
            ELSE p.laterRecognitionsDated END AS total,
       p.laterRecognitionsDated IS NOT NULL AS indexed, items
