// The clusters listed in an edition year, in key order: each LISTED_IN relationship carries the
// generation, its year and its cluster's key (load/create-listings), so that a page of
// clusters(filter: {year}) that names no region, industry or program seeks the year's first listings
// above a key, and its count and facets read the year's listings, instead of reading every cluster of
// the graph. A cluster listed in that year by several programs has a listing each, side by side in
// the index; listings without a year are not in it. No parameters.
CREATE INDEX listing_years IF NOT EXISTS FOR ()-[l:LISTED_IN]-() ON (l.generation, l.year, l.cluster)
