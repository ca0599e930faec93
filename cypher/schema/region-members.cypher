// The clusters located in a region directly, in key order: each cluster's LOCATED_IN relationship to
// a region carries the generation, the region's code and the cluster's key
// (load/link-cluster-regions), so that a page of Region.clusters seeks the first clusters above a key
// instead of finding and sorting every cluster of the region. Region-to-parent relationships lack
// those properties and stay out of it. No parameters.
CREATE INDEX region_members IF NOT EXISTS FOR ()-[m:LOCATED_IN]-() ON (m.generation, m.region, m.cluster)
