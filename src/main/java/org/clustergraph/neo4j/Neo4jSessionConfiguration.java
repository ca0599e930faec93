package org.clustergraph.neo4j;

import org.neo4j.driver.SessionConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelection;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * The session settings for code that uses the driver directly (the loader): the same
 * database Spring Data Neo4j uses.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jSessionConfiguration {

	@Bean
	SessionConfig neo4jSessionConfig(DatabaseSelectionProvider databases) {
		DatabaseSelection selection = databases.getDatabaseSelection();
		return (selection.getValue() != null) ? SessionConfig.forDatabase(selection.getValue())
				: SessionConfig.defaultConfig();
	}

}
