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
 * ({@code --reload}, {@code --export-csv=FILE}) without serving and stops. With
 * {@code --train[=SECONDS]} it serves only its own warm-up requests for that long (30 s
 * by default) and stops: the training run of the AOT cache ({@code bin/aot-cache.sh}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClusterGraphApplication {

	public static void main(String[] args) {
		List<String> problems = CommandLine.problems(args);
		if (!problems.isEmpty()) {
			problems.forEach((problem) -> System.err.println("cluster-graph: " + problem));
			System.err.println("cluster-graph: " + CommandLine.USAGE);
			System.exit(2);
		}
		SpringApplication application = new SpringApplication(ClusterGraphApplication.class);
		boolean command = List.of(args).contains("--exit");
		boolean training = List.of(args)
			.stream()
			.anyMatch((arg) -> arg.equals("--train") || arg.startsWith("--train="));
		if (command) {
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		ConfigurableApplicationContext context = application.run(args);
		if (command || training) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
