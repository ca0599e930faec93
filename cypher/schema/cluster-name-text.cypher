// Every name of a cluster as one string, for clusters(filter: {nameContains}): each cluster's
// nameText (load/stage-clusters) holds its canonical name and every other name it is listed under,
// each in NFKC, once and one per line. A text index answers CONTAINS from trigrams, so that a name
// that few clusters hold is found without reading every cluster (api/clusters-named-page). Text that
// holds no line break can only be found within one of the names, so CONTAINS on nameText is CONTAINS
// on some name. No parameters.
CREATE TEXT INDEX cluster_name_text IF NOT EXISTS FOR (n:Cluster) ON (n.nameText)
