package org.clustergraph.web;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of a request to the GraphQL endpoint that are checked on its HTTP body,
 * before Spring for GraphQL reads it ({@code clustergraph.http.*}). A real query stays
 * far below each of them.
 *
 * @param maxBodySize the largest request body accepted, with or without a
 * {@code Content-Length}; a larger one is answered with 413
 * @param maxVariableValues how many values the variables may hold together: every element
 * of a list and every field of an input object, at every level, counts once
 * @param maxVariableDepth how deeply lists and input objects may nest in one variable (a
 * list of strings is 1 deep)
 * @param corsOrigins the origins whose pages may call the API and the exports from a
 * browser ({@code https://app.example.org}, {@code https://*.example.org}, or {@code *}
 * for any); none by default, so a browser lets only the service's own pages read them
 */
@ConfigurationProperties("clustergraph.http")
public record HttpProperties(@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("10000") int maxVariableValues,
		@DefaultValue("20") int maxVariableDepth, @DefaultValue List<String> corsOrigins) {

	/**
	 * A scheme, a host that may hold a {@code *}, and a port: no path, no trailing slash.
	 */
	private static final Pattern ORIGIN = Pattern.compile("\\*|[a-z][a-z0-9+.-]*://[^/\\s?#@]+");

	/**
	 * Checks that each origin is one, so that a mistyped setting stops the start with a
	 * message rather than leaving a front end refused.
	 */
	public HttpProperties {
		if (maxBodySize.toBytes() < 1 || maxVariableValues < 0 || maxVariableDepth < 0) {
			throw new IllegalArgumentException("clustergraph.http: max-body-size (CLUSTERGRAPH_MAX_BODY_SIZE) must be "
					+ "larger than zero and max-variable-values and max-variable-depth "
					+ "(CLUSTERGRAPH_MAX_VARIABLE_VALUES, CLUSTERGRAPH_MAX_VARIABLE_DEPTH) not negative, not "
					+ maxBodySize + ", " + maxVariableValues + " and " + maxVariableDepth);
		}
		corsOrigins = List.copyOf(corsOrigins);
		for (String origin : corsOrigins) {
			if (!ORIGIN.matcher(origin).matches()) {
				throw new IllegalArgumentException("CLUSTERGRAPH_CORS_ORIGINS (clustergraph.http.cors-origins): '"
						+ origin + "' is not an origin; write scheme://host or scheme://host:port, without a path or "
						+ "a trailing slash (https://app.example.org, http://localhost:5173), with * in the host for "
						+ "its subdomains, or * alone for any origin");
			}
		}
	}

}
