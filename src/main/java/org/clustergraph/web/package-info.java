/**
 * The web pages the service serves beside its API: GraphiQL, from local assets.
 */
@NullMarked
package org.clustergraph.web;

import org.jspecify.annotations.NullMarked;
