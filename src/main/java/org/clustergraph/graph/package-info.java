/**
 * Graph-wide views: any node by its global id, full-text search over every name, and
 * neighbourhoods and paths ready for drawing.
 */
@NullMarked
package org.clustergraph.graph;

import org.jspecify.annotations.NullMarked;
