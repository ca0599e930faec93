// $keys: program keys. Each program's editions, oldest first: the year, its listings, its distinct
// clusters, how many of them no earlier edition of the program listed and how many one did, and how
// many another program lists too, as load/summarize-programs recorded them. A program a load wrote
// before the editions were stored (served until the reload that an upgrade starts switches) has none.
MATCH (served:Serving {key: 'graph'})
UNWIND $keys AS key
MATCH (p:Program {key: key, generation: served.generation})
UNWIND range(0, coalesce(size(p.editionYears), 0) - 1) AS i
RETURN key AS program,
       {year: p.editionYears[i], listingCount: p.editionListings[i], clusterCount: p.editionClusters[i],
        newClusters: p.editionNewClusters[i], seenInEarlierEdition: p.editionClusters[i] - p.editionNewClusters[i],
        alsoOnOtherPrograms: p.editionAlsoOnOtherPrograms[i]}
       AS edition
ORDER BY key, edition.year
