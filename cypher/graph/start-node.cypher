// $label, $key: the parts of a global id ("Region" and "330411" for Region:330411). The node's
// element id, or no row when the graph holds no such node.
MATCH (served:Serving {key: 'graph'})
CALL (served) {
  MATCH (n:Cluster {key: $key, generation: served.generation}) WHERE $label = 'Cluster' RETURN n
  UNION
  MATCH (n:Program {key: $key, generation: served.generation}) WHERE $label = 'Program' RETURN n
  UNION
  MATCH (n:Region {code: $key, generation: served.generation}) WHERE $label = 'Region' RETURN n
  UNION
  MATCH (n:Industry {code: $key, generation: served.generation}) WHERE $label = 'Industry' RETURN n
}
RETURN elementId(n) AS node
