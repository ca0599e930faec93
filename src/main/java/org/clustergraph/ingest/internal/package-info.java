/**
 * The resolution core, plain Java with no Spring and no database: the list parser, the
 * gazetteer and place resolver, the industry classifier and the identity resolver.
 * Everything here is deterministic and tested on the real seed lines.
 */
@NullMarked
package org.clustergraph.ingest.internal;

import org.jspecify.annotations.NullMarked;
