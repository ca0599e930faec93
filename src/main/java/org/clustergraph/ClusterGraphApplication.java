package org.clustergraph;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cluster knowledge graph service: loads the published cluster lists into Neo4j and
 * serves them over GraphQL. With {@code --exit} it runs the operator's commands
 * ({@code --reload}, {@code --export-csv=FILE}) without serving and stops.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClusterGraphApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ClusterGraphApplication.class);
		boolean command = List.of(args).contains("--exit");
		if (command) {
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		ConfigurableApplicationContext context = application.run(args);
		if (command) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
