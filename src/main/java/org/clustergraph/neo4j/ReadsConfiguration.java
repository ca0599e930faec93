package org.clustergraph.neo4j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Chooses how the API reads the graph. The embedded database is read in the service's own
 * process by default ({@link InProcessReads}, with {@link InProcessTransactionManager} as
 * the transaction manager); an external server or cluster, and the embedded one with
 * {@code clustergraph.embedded.reads=bolt}, over Bolt ({@link BoltReads}, with Spring
 * Data Neo4j's transaction manager). The loader writes over Bolt either way.
 */
@Configuration(proxyBeanMethods = false)
class ReadsConfiguration {

	/** The setting that chooses, for the embedded database. */
	static final String PROPERTY = "clustergraph.embedded.reads";

	/** How the embedded database is read. */
	enum Mode {

		/** In the service's process, without Bolt. */
		IN_PROCESS,

		/** Over Bolt, as an external database is. */
		BOLT

	}

	@Bean
	Reads reads(Environment environment, ObjectProvider<Neo4jClient> neo4j,
			ObjectProvider<EmbeddedNeo4jLauncher> embedded) {
		return inProcess(environment) ? new InProcessReads(embedded.getObject()) : new BoltReads(neo4j.getObject());
	}

	@Bean
	@Conditional(InProcess.class)
	InProcessTransactionManager transactionManager(EmbeddedNeo4jLauncher embedded,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		InProcessTransactionManager transactions = new InProcessTransactionManager(embedded);
		// spring.transaction.default-timeout and the rest, as for any transaction manager
		customizers.ifAvailable((each) -> each.customize(transactions));
		return transactions;
	}

	/**
	 * Whether the API reads the embedded database in process.
	 * @param environment the settings
	 * @return true without {@code spring.neo4j.uri} unless {@link #PROPERTY} says
	 * {@code bolt}
	 */
	static boolean inProcess(Environment environment) {
		if (!Neo4jConnectionConfiguration.embedded(environment)) {
			return false;
		}
		return Binder.get(environment).bind(PROPERTY, Mode.class).orElse(Mode.IN_PROCESS) == Mode.IN_PROCESS;
	}

	static final class InProcess implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return inProcess(context.getEnvironment());
		}

	}

}
