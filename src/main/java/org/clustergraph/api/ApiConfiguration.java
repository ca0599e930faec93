package org.clustergraph.api;

import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of the GraphQL layer that properties cannot express.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	/**
	 * The name of Spring Boot's customizer that adapts Spring Data's {@code Window} and
	 * {@code Slice} to connection types.
	 */
	static final String SPRING_DATA_CONNECTIONS = "cursorStrategyCustomizer";

	/**
	 * Leaves out Spring Boot's adapter from Spring Data's {@code Window} and
	 * {@code Slice} to connections. This API pages with its own {@link Connection}
	 * records, and the adapter wraps every connection field: when a field fails with an
	 * error (a {@code first} above 100, say) it answers an empty connection beside the
	 * error instead of null, and a selected {@code totalCount} then fails a second time.
	 * @return the post-processor that removes the customizer's definition
	 */
	@Bean
	static BeanDefinitionRegistryPostProcessor withoutSpringDataConnections() {
		return (registry) -> {
			if (registry.containsBeanDefinition(SPRING_DATA_CONNECTIONS)) {
				registry.removeBeanDefinition(SPRING_DATA_CONNECTIONS);
			}
		};
	}

}
