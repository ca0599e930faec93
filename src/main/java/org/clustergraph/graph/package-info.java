/**
 * Graph-wide views: any node by its global id, and (later) neighbourhoods and paths for
 * drawing.
 */
@NullMarked
package org.clustergraph.graph;

import org.jspecify.annotations.NullMarked;
