package org.clustergraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Neo4j server, used when no external {@code spring.neo4j.uri}
 * is set.
 *
 * @param directory the store directory, kept across restarts
 * @param boltAddress the address the Bolt connector binds to; loopback by default
 * @param boltPort the Bolt port; 0 picks a free one
 * @param authEnabled whether Bolt clients must authenticate
 * @param password the password of the {@code neo4j} user; required when authentication is
 * on
 * @param pageCache the page cache size, in Neo4j's notation (for example {@code 128m})
 * @param transactionTimeout how long one transaction may run before the database ends it
 */
@ConfigurationProperties("clustergraph.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("data/neo4j") Path directory,
		@DefaultValue("127.0.0.1") String boltAddress, @DefaultValue("7687") int boltPort,
		@DefaultValue("false") boolean authEnabled, @DefaultValue("") String password,
		@DefaultValue("32m") String pageCache, @DefaultValue("30s") Duration transactionTimeout) {

}
