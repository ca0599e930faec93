package org.clustergraph.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of the public API ({@code clustergraph.api.*}).
 *
 * @param maxDepth the deepest field nesting a query may have (introspection not counted)
 * @param maxComplexity the largest cost a query may have: one per field, times the page
 * size ({@code first}) for everything under a connection or a search
 * @param maxAliases how many aliased fields a query may have
 * @param maxRootFields how many fields the operation may select at its root
 * @param maxCharacters the longest document accepted
 * @param maxTokens the most grammar tokens a document may have
 * @param requestTimeout how long a request may take before it is answered with an error
 * (each read transaction is limited by {@code spring.transaction.default-timeout} too)
 */
@ConfigurationProperties("clustergraph.api")
public record ApiProperties(@DefaultValue("12") int maxDepth, @DefaultValue("10000") int maxComplexity,
		@DefaultValue("30") int maxAliases, @DefaultValue("10") int maxRootFields,
		@DefaultValue("20000") int maxCharacters, @DefaultValue("5000") int maxTokens,
		@DefaultValue("10s") Duration requestTimeout) {

}
