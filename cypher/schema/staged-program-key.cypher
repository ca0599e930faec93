// A unique key per StagedProgram: a load writes the next graph under Staged labels, which no read
// matches, until load/promote-staged switches to it; the load links its staged nodes by key, and this
// index makes each lookup one seek. No parameters.
CREATE CONSTRAINT staged_program_key IF NOT EXISTS FOR (n:StagedProgram) REQUIRE n.key IS UNIQUE
