package org.clustergraph.ingest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each value among equal immutable values (strings, lists, decisions,
 * boxed numbers), so that the hundreds of thousands of listings of a large load hold the
 * few thousand distinct ones once each. Values of different kinds are never equal, but
 * for the empty lists, which are one immutable list anyway.
 */
final class Shared {

	private final Map<Object, Object> known = new ConcurrentHashMap<>();

	/**
	 * The instance of a value that is shared.
	 * @param <T> the value's type
	 * @param value an immutable value
	 * @return the first value equal to it that was given, or the value itself
	 */
	@SuppressWarnings("unchecked")
	<T> T of(T value) {
		Object first = this.known.putIfAbsent(value, value);
		return (first != null) ? (T) first : value;
	}

}
