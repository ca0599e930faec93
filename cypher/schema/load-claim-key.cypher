// One LoadClaim node, so that two loads (two service instances, or a reload beside a startup load)
// never stage at once: MERGE on a constrained key takes the key's lock. No parameters.
CREATE CONSTRAINT load_claim_key IF NOT EXISTS FOR (n:LoadClaim) REQUIRE n.key IS UNIQUE
