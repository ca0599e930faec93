/**
 * Cross-list analysis: regions on several programs, industries spread over provinces, and
 * how the programs' lists overlap.
 */
@NullMarked
package org.clustergraph.analysis;

import org.jspecify.annotations.NullMarked;
