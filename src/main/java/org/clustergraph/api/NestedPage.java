package org.clustergraph.api;

import java.util.HashMap;
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
public record NestedPage(String parent, Map<String, Object> arguments, Paging page) {

	/**
	 * A page as the statements of nested pages read it, whatever its parent: the field's
	 * arguments with {@code limit} (one more than the page, see {@link Paging#fetch()})
	 * and where the page starts: {@code offset} for a page by position, {@code after}
	 * (the key the page's items lie above, {@code ''} for the first page) for a page by
	 * key.
	 * @param arguments the field's own arguments
	 * @param page the page asked for
	 * @return a new modifiable map
	 */
	public static Map<String, Object> parameters(Map<String, Object> arguments, Paging page) {
		Map<String, Object> parameters = new HashMap<>(arguments);
		switch (page) {
			case PageRequest offset -> parameters.put("offset", offset.offset());
			case KeysetPage keyset -> parameters.put("after", keyset.afterKey());
		}
		parameters.put("limit", page.fetch());
		return parameters;
	}

}
