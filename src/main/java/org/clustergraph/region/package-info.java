/**
 * Regions: the administrative tree of China and the development zones, and their GraphQL
 * fields.
 */
@NullMarked
package org.clustergraph.region;

import org.jspecify.annotations.NullMarked;
