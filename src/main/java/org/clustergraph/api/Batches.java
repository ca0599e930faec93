package org.clustergraph.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The one way a batch of parents gets its field: a statement of {@code cypher/api} runs
 * once for the distinct keys of the whole batch, its rows are grouped by the key column,
 * and every parent gets its group (empty when it has none), in the batch's order.
 */
@Component
public final class Batches {

	private final Reads reads;

	/**
	 * Creates the helper over a client.
	 * @param neo4j the client
	 */
	public Batches(Reads reads) {
		this.reads = reads;
	}

	/**
	 * A list field of every parent of a batch.
	 * @param <P> the parent type
	 * @param <T> the element type
	 * @param statement the statement under {@code cypher/}; it takes the keys as
	 * {@code $keys} or {@code $codes} (named by {@code parameter}) and returns the
	 * parent's key in {@code keyColumn}
	 * @param parameter the statement's parameter name
	 * @param parents the batch
	 * @param key a parent's key
	 * @param keyColumn the column naming the parent's key
	 * @param element a row's element
	 * @return every parent with its elements, in the order of the rows
	 */
	public <P, T> Map<P, List<T>> grouped(String statement, String parameter, List<P> parents, Function<P, String> key,
			String keyColumn, Function<Map<String, Object>, T> element) {
		Map<String, List<T>> byKey = new HashMap<>();
		for (Map<String, Object> row : rows(statement, parameter, parents.stream().map(key).distinct().toList())) {
			byKey.computeIfAbsent(Rows.string(row, keyColumn), (k) -> new ArrayList<>()).add(element.apply(row));
		}
		Map<P, List<T>> out = new LinkedHashMap<>();
		parents.forEach((p) -> out.put(p, byKey.getOrDefault(key.apply(p), List.of())));
		return out;
	}

	/**
	 * A to-one field of every parent of a batch, the other end named by a key the parent
	 * carries (a region's parent code, a listing's cluster key).
	 * @param <P> the parent type
	 * @param <T> the other end's type
	 * @param parents the batch
	 * @param reference the key of a parent's other end; null when it has none
	 * @param lookup the other ends of a set of keys
	 * @param key an other end's key
	 * @return the parents that have an other end, with it
	 */
	public <P, T> Map<P, T> referenced(List<P> parents, Function<P, @Nullable String> reference,
			Function<List<String>, List<T>> lookup, Function<T, String> key) {
		List<String> keys = parents.stream().map(reference).filter((k) -> k != null).distinct().toList();
		Map<String, T> byKey = new HashMap<>();
		if (!keys.isEmpty()) {
			lookup.apply(keys).forEach((t) -> byKey.put(key.apply(t), t));
		}
		Map<P, T> out = new LinkedHashMap<>();
		for (P parent : parents) {
			String ref = reference.apply(parent);
			T other = (ref != null) ? byKey.get(ref) : null;
			if (other != null) {
				out.put(parent, other);
			}
		}
		return out;
	}

	/**
	 * The nodes a statement returns for a set of keys, one per row.
	 * @param <T> the node type
	 * @param statement the statement under {@code cypher/}
	 * @param parameter its parameter name
	 * @param keys the keys
	 * @param column the column holding the node's map
	 * @param node a node from its map
	 * @return the nodes, in the order of the rows
	 */
	public <T> List<T> byKeys(String statement, String parameter, Collection<String> keys, String column,
			Function<Map<?, ?>, T> node) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return rows(statement, parameter, keys).stream().map((row) -> node.apply(Rows.map(row, column))).toList();
	}

	private Collection<Map<String, Object>> rows(String statement, String parameter, Collection<String> keys) {
		return this.reads.all(statement, Map.of(parameter, List.copyOf(keys)));
	}

}
