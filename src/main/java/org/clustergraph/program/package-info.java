/**
 * Programs: the published lists, their metadata and their GraphQL fields.
 */
@NullMarked
package org.clustergraph.program;

import org.jspecify.annotations.NullMarked;
