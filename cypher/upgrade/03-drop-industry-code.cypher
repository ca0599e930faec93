// Stores written before generations held this single-property constraint, which would refuse a
// second generation's nodes (see schema/). No parameters; a no-op on other stores.
DROP CONSTRAINT industry_code IF EXISTS
