/**
 * Clusters: the real-world clusters, their listings and their GraphQL fields.
 */
@NullMarked
package org.clustergraph.cluster;

import org.jspecify.annotations.NullMarked;
