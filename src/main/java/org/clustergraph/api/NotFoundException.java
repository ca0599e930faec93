package org.clustergraph.api;

/**
 * An argument names something the graph does not hold (a filter's region code, say).
 * Reaches the client as a {@code NOT_FOUND} error; lookups such as {@code region(code)}
 * answer null instead.
 */
public class NotFoundException extends RuntimeException {

	/**
	 * An error about a name.
	 * @param message what was not found, and where it was named
	 */
	public NotFoundException(String message) {
		super(message);
	}

}
