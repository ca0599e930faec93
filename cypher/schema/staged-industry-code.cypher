// A unique code per StagedIndustry: a load writes the next graph under Staged labels, which no read
// matches, until load/promote-staged switches to it; the load links its staged nodes by code, and this
// index makes each lookup one seek. No parameters.
CREATE CONSTRAINT staged_industry_code IF NOT EXISTS FOR (n:StagedIndustry) REQUIRE n.code IS UNIQUE
