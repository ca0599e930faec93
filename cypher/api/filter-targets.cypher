// $region, $industry, $program: codes and a key named by a filter, each null when not given.
// Whether each named thing exists (true when not given).
OPTIONAL MATCH (served:Serving {key: 'graph'})
WITH served.generation AS generation
RETURN ($region IS NULL OR EXISTS { MATCH (:Region {code: $region, generation: generation}) }) AS region,
       ($industry IS NULL OR EXISTS { MATCH (:Industry {code: $industry, generation: generation}) }) AS industry,
       ($program IS NULL OR EXISTS { MATCH (:Program {key: $program, generation: generation}) }) AS program
