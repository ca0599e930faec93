// $generation: the generation the load stages. Records on each of its programs how many distinct
// clusters it lists, and its editions, so that every read of a program returns stored properties
// and Program.editions costs the same for a program of ten listings as for one of a million. The
// editions are five lists, element by element, oldest first: editionYears, and for each year its
// listings (editionListings), its distinct clusters (editionClusters), how many of those no earlier
// edition of the program listed (editionNewClusters: the year is the cluster's first in the
// program) and how many another program lists too (editionAlsoOnOtherPrograms: the cluster's
// programCount, load/stage-clusters, is above one). Listings without a year belong to no edition.
// Runs after create-listings; FacetsApiTests checks the editions against the exported listings.
MATCH (p:Program) WHERE p.generation = $generation
SET p.clusterCount = COUNT { MATCH (p)<-[:LISTED_IN]-(c:Cluster) RETURN DISTINCT c }
WITH p
CALL (p) {
  MATCH (p)<-[l:LISTED_IN]-(c:Cluster) WHERE l.year IS NOT NULL
  WITH c, collect(l.year) AS years, min(l.year) AS first
  UNWIND years AS year
  WITH year, count(*) AS listings, count(DISTINCT c) AS clusters,
       count(DISTINCT CASE WHEN year = first THEN c END) AS fresh,
       count(DISTINCT CASE WHEN c.programCount > 1 THEN c END) AS shared
  ORDER BY year
  RETURN collect(year) AS years, collect(listings) AS listings, collect(clusters) AS clusters,
         collect(fresh) AS fresh, collect(shared) AS shared
}
SET p.editionYears = years, p.editionListings = listings, p.editionClusters = clusters,
    p.editionNewClusters = fresh, p.editionAlsoOnOtherPrograms = shared
