// Clusters in the order of crossListedClusters (most programs first, then by key): the load writes
// each cluster's crossListing as one string in that order (load/stage-clusters), so that a page
// of crossListedClusters seeks past its cursor and stops below the least number of programs asked,
// instead of counting every cluster's programs on every request. No parameters.
CREATE INDEX cluster_cross_listing IF NOT EXISTS FOR (n:Cluster) ON (n.generation, n.crossListing)
