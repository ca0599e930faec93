// The clusters that belong to an industry directly, in key order: each cluster's BELONGS_TO
// relationship to an industry carries the generation, the industry's code and the cluster's key
// (load/link-cluster-industries), so that a page of Industry.clusters seeks the first clusters
// above a key instead of finding and sorting every member (thousands per industry on a large graph).
// Industry-to-parent relationships lack those properties and stay out of it. No parameters.
CREATE INDEX industry_members IF NOT EXISTS FOR ()-[m:BELONGS_TO]-() ON (m.generation, m.industry, m.cluster)
