// A unique code per StagedRegion: a load writes the next graph under Staged labels, which no read
// matches, until load/promote-staged switches to it; the load links its staged nodes by code, and this
// index makes each lookup one seek. No parameters.
CREATE CONSTRAINT staged_region_code IF NOT EXISTS FOR (n:StagedRegion) REQUIRE n.code IS UNIQUE
