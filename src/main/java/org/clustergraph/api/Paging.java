package org.clustergraph.api;

/**
 * A page as a client asked for it with {@code first} and {@code after}: by position in a
 * connection whose order no index gives ({@link PageRequest}), or by key in one ordered
 * by a unique key ({@link KeysetPage}), where a deep page costs what the first does.
 */
public sealed interface Paging permits PageRequest, KeysetPage {

	/**
	 * How many items to return.
	 * @return the page size
	 */
	int first();

	/**
	 * How many items to fetch: one more than the page, so that the extra item tells
	 * whether there is a next page.
	 * @return {@code first + 1}
	 */
	int fetch();

	/**
	 * How many items of the connection's order a statement reads to answer the page:
	 * those before it too when it is paged by position.
	 * @return the items read
	 */
	default long reach() {
		return switch (this) {
			case PageRequest offset -> (long) offset.offset() + offset.fetch();
			case KeysetPage keyset -> keyset.fetch();
		};
	}

}
