// No parameters. The codes of the prefecture-level units: the prefectures, the municipalities
// (provinces with no prefecture under them) and the county-level units directly under a province
// that has prefectures (仙桃, 济源, 石河子...). The analysis statements take them as $units.
MATCH (u:Region)
WHERE u.level = 'PREFECTURE'
   OR (u.level = 'PROVINCE' AND NOT EXISTS { (u)<-[:LOCATED_IN]-(:Region {level: 'PREFECTURE'}) })
   OR (u.level = 'COUNTY'
       AND EXISTS { (u)-[:LOCATED_IN]->(:Region {level: 'PROVINCE'})<-[:LOCATED_IN]-(:Region {level: 'PREFECTURE'}) })
RETURN collect(u.code) AS codes
