package org.clustergraph.api;

/**
 * An argument the API cannot answer; the message says what would be accepted. Reaches the
 * client as a {@code BAD_REQUEST} error.
 */
public class BadRequestException extends RuntimeException {

	/**
	 * An error about an argument.
	 * @param message what was wrong and what is accepted
	 */
	public BadRequestException(String message) {
		super(message);
	}

}
