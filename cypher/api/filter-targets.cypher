// $region, $industry, $program: codes and a key named by a filter, each null when not given.
// Whether each named thing exists (true when not given).
RETURN ($region IS NULL OR EXISTS { MATCH (:Region {code: $region}) }) AS region,
       ($industry IS NULL OR EXISTS { MATCH (:Industry {code: $industry}) }) AS industry,
       ($program IS NULL OR EXISTS { MATCH (:Program {key: $program}) }) AS program
