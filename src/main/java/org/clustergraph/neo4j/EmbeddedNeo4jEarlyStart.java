package org.clustergraph.neo4j;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Begins starting the embedded Neo4j as soon as the settings are read, before the
 * application context builds its beans: the database's start (about three and a half
 * seconds on two cores) then overlaps the context's (about as long) instead of beginning
 * half-way through it, and a restart answers its first request sooner. The launcher is
 * the context's {@code embeddedNeo4j} bean, closed with the context, also when the
 * context fails to start. With an external database ({@code spring.neo4j.uri}) it does
 * nothing. Registered in {@code META-INF/spring.factories}, so that every context of the
 * application, tests' included, starts its database the same way.
 */
public class EmbeddedNeo4jEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BEAN_NAME = "embeddedNeo4j";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!Neo4jConnectionConfiguration.embedded(environment)
				|| !(context instanceof GenericApplicationContext generic)) {
			return;
		}
		Neo4jConnectionConfiguration.checkRemovedSettings(environment);
		EmbeddedNeo4jProperties properties = Binder.get(environment)
			.bindOrCreate("clustergraph.embedded", EmbeddedNeo4jProperties.class);
		EmbeddedNeo4jLauncher launcher = new EmbeddedNeo4jLauncher(properties);
		generic.registerBean(BEAN_NAME, EmbeddedNeo4jLauncher.class, () -> launcher,
				(definition) -> definition.setDestroyMethodName("close"));
		// created now, so that a context that fails before it would have asked for the
		// bean still closes the database it started
		generic.getBeanFactory().getBean(BEAN_NAME);
	}

}
