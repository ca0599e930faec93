package org.clustergraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The cluster knowledge graph service: loads the published cluster lists into Neo4j and
 * serves them over GraphQL.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClusterGraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClusterGraphApplication.class, args);
	}

}
