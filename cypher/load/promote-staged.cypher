// No parameters. The second half of the switch, in the same transaction as retire-live: gives every
// staged node its served label. Readers match only served labels, so until this transaction commits
// they see the previous graph, complete, and after it the new one.
MATCH (n:Staged)
WITH n, CASE WHEN n:StagedCluster THEN 'Cluster' WHEN n:StagedRegion THEN 'Region'
             WHEN n:StagedIndustry THEN 'Industry' WHEN n:StagedProgram THEN 'Program'
             WHEN n:StagedDataset THEN 'Dataset' END AS served
SET n:$(served)
REMOVE n:Staged:StagedCluster:StagedRegion:StagedIndustry:StagedProgram:StagedDataset
