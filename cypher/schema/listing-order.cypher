// A program's listings in the order of Program.listings: each LISTED_IN relationship carries the
// generation, its program's key and listingOrder, the string of its year, rank, cluster key,
// document and line (ListingOrder, written by load/create-listings), so that a page of a program's
// listings seeks the first listings above its cursor instead of sorting every listing of the
// program. No parameters.
CREATE INDEX listing_order IF NOT EXISTS FOR ()-[l:LISTED_IN]-() ON (l.generation, l.program, l.listingOrder)
