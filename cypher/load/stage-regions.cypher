// $generation: the generation the load stages (see switch-generation).
// $rows: [{code, name, level, parent, countsAt, source}]. Stages regions of the next graph, each
// with the code of the region it lies in (parent; null for provinces). countsAt lists the levels at
// which the analysis statements count the region: its own, and PREFECTURE too for the
// prefecture-level units that are not prefectures (北京市, 仙桃市).
UNWIND $rows AS row
CREATE (r:Region {code: row.code, generation: $generation})
SET r.name = row.name, r.level = row.level, r.parent = row.parent, r.countsAt = row.countsAt, r.source = row.source
