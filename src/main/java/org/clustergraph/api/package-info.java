/**
 * What every part of the public GraphQL API shares: Relay connections and their cursors,
 * the errors a client can act on, read transactions for batch loaders, and the limits
 * that keep a request from holding the database for long.
 */
@NullMarked
package org.clustergraph.api;

import org.jspecify.annotations.NullMarked;
