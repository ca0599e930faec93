package org.clustergraph.cluster;

import org.clustergraph.api.Prefetched;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fields of {@code Cluster} that {@code cluster(id)} reads together with the cluster:
 * they answer from its statement's row, and through their batch loaders for every other
 * cluster.
 */
@Configuration(proxyBeanMethods = false)
class ClusterFields {

	@Bean
	GraphQlSourceBuilderCustomizer prefetchedClusterFields() {
		return Prefetched.answering("Cluster", "regions", "provinces", "industries");
	}

}
