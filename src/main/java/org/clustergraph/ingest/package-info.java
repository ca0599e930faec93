/**
 * Loading: seed documents are parsed into listings, resolved to places, industries and
 * real-world clusters, and written to Neo4j in one transaction; the public API only reads
 * what this module wrote.
 */
@NullMarked
package org.clustergraph.ingest;

import org.jspecify.annotations.NullMarked;
