package org.clustergraph.web;

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
 */
@ConfigurationProperties("clustergraph.http")
public record HttpProperties(@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("10000") int maxVariableValues,
		@DefaultValue("20") int maxVariableDepth) {

}
