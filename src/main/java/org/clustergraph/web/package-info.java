/**
 * The HTTP layer around the API: what is refused before GraphQL reads a request, the
 * browser protections on every response, and the web pages the service serves beside its
 * API (GraphiQL, from local assets).
 */
@NullMarked
package org.clustergraph.web;

import org.jspecify.annotations.NullMarked;
