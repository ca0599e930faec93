// The clusters of a province (located in it or anywhere under it), in key order: each IN_PROVINCE
// relationship carries the generation, the province's code and the cluster's key
// (load/link-cluster-provinces), so that a page of a province's clusters, thousands on a large graph,
// is one seek. No parameters.
CREATE INDEX province_members IF NOT EXISTS FOR ()-[m:IN_PROVINCE]-() ON (m.generation, m.region, m.cluster)
