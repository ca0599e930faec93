// The one Serving node names the generation every read answers from (see load/switch-generation).
// No parameters.
CREATE CONSTRAINT serving_key IF NOT EXISTS FOR (n:Serving) REQUIRE n.key IS UNIQUE
