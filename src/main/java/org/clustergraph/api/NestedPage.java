package org.clustergraph.api;

import java.util.Map;

/**
 * A page of a connection under a parent object (a region's clusters, a program's
 * listings): the data loader key that lets one statement answer every such page of a
 * response level at once.
 *
 * @param parent the parent's key or code
 * @param arguments the field's own arguments by the names its statement reads
 * ({@code descendants}, {@code year}); a null value is passed as null
 * @param page the page asked for
 */
public record NestedPage(String parent, Map<String, Object> arguments, PageRequest page) {

}
