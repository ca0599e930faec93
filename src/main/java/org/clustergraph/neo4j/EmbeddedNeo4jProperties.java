package org.clustergraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Neo4j server, used when no external {@code spring.neo4j.uri}
 * is set.
 *
 * <p>
 * Bolt clients always authenticate, as user {@code neo4j}: there is no setting to turn
 * authentication off.
 *
 * @param directory the store directory, kept across restarts; a generated password is
 * kept in it too ({@link BoltPassword})
 * @param boltAddress the address the Bolt connector binds to; loopback by default
 * @param boltPort the Bolt port; 0 picks a free one
 * @param password the password of the {@code neo4j} user; when blank the service
 * generates one and keeps it in the store directory; required when Bolt is bound beyond
 * loopback
 * @param pageCache the page cache size, in Neo4j's notation (for example {@code 128m})
 * @param transactionTimeout how long one transaction may run before the database ends it
 * @param transactionMemory how much heap all the database's open transactions may hold at
 * once, as a share of the heap ({@code 40%}) or in Neo4j's notation ({@code 400m}): a
 * statement that would need more fails with {@code MemoryPoolOutOfMemoryError} instead of
 * running the service out of heap. Neo4j's own default, 70% of the heap, let sixteen Bolt
 * clients' neighbourhood statements end a 1 GiB service at a thousand times the seeds,
 * which 40% withstands (BENCHMARKS.md, "Transaction memory")
 */
@ConfigurationProperties("clustergraph.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("data/neo4j") Path directory,
		@DefaultValue("127.0.0.1") String boltAddress, @DefaultValue("7687") int boltPort,
		@DefaultValue("") String password, @DefaultValue("32m") String pageCache,
		@DefaultValue("30s") Duration transactionTimeout, @DefaultValue("40%") String transactionMemory) {

}
