/**
 * Industries: the GB/T 4754-2017 classification and its GraphQL fields.
 */
@NullMarked
package org.clustergraph.industry;

import org.jspecify.annotations.NullMarked;
