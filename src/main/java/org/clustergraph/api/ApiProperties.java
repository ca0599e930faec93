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
 * @param readTimeout how long one read transaction may run before the database stops it
 * (handed to the transactions as {@code spring.transaction.default-timeout})
 */
@ConfigurationProperties("clustergraph.api")
public record ApiProperties(@DefaultValue("12") int maxDepth, @DefaultValue("10000") int maxComplexity,
		@DefaultValue("30") int maxAliases, @DefaultValue("10") int maxRootFields,
		@DefaultValue("20000") int maxCharacters, @DefaultValue("5000") int maxTokens,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("8s") Duration readTimeout) {

	/**
	 * Refuses limits that would refuse every request (a depth of 0) or lift the bound
	 * altogether (a negative read timeout is a transaction without one).
	 */
	public ApiProperties {
		atLeast(1, maxDepth, "max-depth", "CLUSTERGRAPH_MAX_DEPTH");
		atLeast(1, maxComplexity, "max-complexity", "CLUSTERGRAPH_MAX_COMPLEXITY");
		atLeast(0, maxAliases, "max-aliases", "CLUSTERGRAPH_MAX_ALIASES");
		atLeast(1, maxRootFields, "max-root-fields", "CLUSTERGRAPH_MAX_ROOT_FIELDS");
		atLeast(1, maxCharacters, "max-characters", "CLUSTERGRAPH_MAX_CHARACTERS");
		atLeast(1, maxTokens, "max-tokens", "CLUSTERGRAPH_MAX_TOKENS");
		positive(requestTimeout, "request-timeout", "CLUSTERGRAPH_REQUEST_TIMEOUT");
		positive(readTimeout, "read-timeout", "CLUSTERGRAPH_READ_TIMEOUT");
	}

	private static void atLeast(int least, int value, String property, String variable) {
		if (value < least) {
			throw new IllegalArgumentException("clustergraph.api." + property + " (" + variable + ") must be at least "
					+ least + ", not " + value);
		}
	}

	private static void positive(Duration value, String property, String variable) {
		if (!value.isPositive()) {
			throw new IllegalArgumentException(
					"clustergraph.api." + property + " (" + variable + ") must be longer than zero, not " + value);
		}
	}

}
