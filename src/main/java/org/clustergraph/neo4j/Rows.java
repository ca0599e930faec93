package org.clustergraph.neo4j;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Typed reads of the maps Cypher returns, so that controllers do not cast.
 */
public final class Rows {

	private Rows() {
	}

	/**
	 * A string field.
	 * @param row the map
	 * @param key the field
	 * @return the value, or null
	 */
	public static @Nullable String string(Map<?, ?> row, String key) {
		Object value = row.get(key);
		return (value != null) ? value.toString() : null;
	}

	/**
	 * An integer field.
	 * @param row the map
	 * @param key the field
	 * @return the value, or null
	 */
	public static @Nullable Integer integer(Map<?, ?> row, String key) {
		Object value = row.get(key);
		return (value instanceof Number number) ? number.intValue() : null;
	}

	/**
	 * A map field.
	 * @param row the map
	 * @param key the field
	 * @return the nested map
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> map(Map<?, ?> row, String key) {
		return (Map<String, Object>) row.get(key);
	}

	/**
	 * A list field, each element mapped to a string.
	 * @param row the map
	 * @param key the field
	 * @return the strings; empty when absent
	 */
	public static List<String> strings(Map<?, ?> row, String key) {
		Object value = row.get(key);
		return (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

	/**
	 * A list field of integers.
	 * @param row the map
	 * @param key the field
	 * @return the integers; empty when absent
	 */
	public static List<Integer> integers(Map<?, ?> row, String key) {
		Object value = row.get(key);
		return (value instanceof List<?> list) ? list.stream().map((n) -> ((Number) n).intValue()).toList() : List.of();
	}

	/**
	 * A list field of maps, each read by a mapper.
	 * @param <T> what the mapper reads
	 * @param row the map
	 * @param key the field
	 * @param mapper reads one element
	 * @return the mapped elements, or null when the field is null or absent
	 */
	public static <T> @Nullable List<T> maps(Map<?, ?> row, String key, Function<Map<?, ?>, T> mapper) {
		Object value = row.get(key);
		return (value instanceof List<?> list) ? list.stream().map((item) -> mapper.apply((Map<?, ?>) item)).toList()
				: null;
	}

	/**
	 * Runs one statement of {@code cypher/} and maps every row it returns.
	 * @param <T> what a row becomes
	 * @param reads the reads, in the caller's transaction
	 * @param statement the statement's name under {@code cypher/}
	 * @param parameters its parameters
	 * @param mapper what a row becomes
	 * @return the mapped rows, in the statement's order
	 */
	public static <T> List<T> all(Reads reads, String statement, Map<String, @Nullable Object> parameters,
			Function<Map<String, Object>, T> mapper) {
		return reads.all(statement, parameters).stream().map(mapper).toList();
	}

}
