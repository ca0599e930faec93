/**
 * The database connection: the embedded Neo4j server that runs by default, the switch to
 * an external server or cluster, and the loading of Cypher from the project's
 * {@code cypher/} files.
 */
@NullMarked
package org.clustergraph.neo4j;

import org.jspecify.annotations.NullMarked;
