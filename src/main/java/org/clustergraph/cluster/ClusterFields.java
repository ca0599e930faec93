package org.clustergraph.cluster;

import org.clustergraph.api.Prefetched;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fields that {@code cluster(id)} reads together with the cluster: its regions,
 * provinces and industries, and the page of clusters asked of each of those industries
 * (from {@link IndustryPages}), with the provinces of the pages' clusters. They answer
 * from what the lookup recorded, and through their data loaders for every other cluster
 * and industry.
 */
@Configuration(proxyBeanMethods = false)
class ClusterFields {

	@Bean
	GraphQlSourceBuilderCustomizer prefetchedClusterFields() {
		return Prefetched.answering("Cluster", "regions", "provinces", "industries", "programs");
	}

	@Bean
	GraphQlSourceBuilderCustomizer prefetchedIndustryFields() {
		return Prefetched.answering("Industry", "clusters");
	}

}
