package org.clustergraph.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import graphql.GraphQLContext;

import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads nested connections in batches: every page a response level asks of one field is
 * answered by one statement. The statement takes {@code $requests}, a list of {@code {id,
 * parent, limit}} maps with where each page starts ({@code offset}, or {@code after} for
 * a connection paged by key, see {@link NestedPage#parameters}) plus the field's own
 * arguments, and {@code $reach}, the most items of its order any of them needs read
 * ({@link Paging#reach()}: a statement that reads its items in order from an index reads
 * that many and no more), and returns per request its {@code id}, the {@code page} of
 * items (up to {@code limit}) and the {@code total}.
 */
@Component
public class NestedPages {

	private final BatchReads reads;

	private final BatchLoaderRegistry registry;

	NestedPages(BatchReads reads, BatchLoaderRegistry registry) {
		this.reads = reads;
		this.registry = registry;
	}

	/**
	 * Registers a data loader for one field's pages by position ({@link PageRequest}).
	 * @param <T> the item type
	 * @param name the data loader's name
	 * @param statement the Cypher file under {@code cypher/}
	 * @param mapper reads one item of a page
	 */
	public <T> void register(String name, String statement, Function<Map<?, ?>, T> mapper) {
		register(name, statement, (item, context) -> mapper.apply(item), null);
	}

	/**
	 * Registers a data loader for one field's pages, by key ({@link KeysetPage}) when a
	 * key is given, whose items may carry more than the item itself, for the reader to
	 * record in the request's context ({@link Prefetched}).
	 * @param <T> the item type
	 * @param name the data loader's name
	 * @param statement the Cypher file under {@code cypher/}
	 * @param reader reads one item of a page, given the request's context
	 * @param key the key the connection is ordered by, of an item, which its cursor
	 * holds; null for a connection paged by position
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public <T> void register(String name, String statement, BiFunction<Map<?, ?>, GraphQLContext, T> reader,
			@Nullable Function<T, String> key) {
		this.registry.forTypePair(NestedPage.class, Connection.class)
			.withName(name)
			.registerMappedBatchLoader((keys, env) -> Mono
				.fromCallable(() -> (Map) this.reads.load(keys, statement, env.getContext(), reader, key)));
	}

	/**
	 * The parameters of a statement of nested pages for a batch of them:
	 * {@code $requests}, each page's with its position in the batch as {@code id}, and
	 * {@code $reach}.
	 * @param ordered the pages, in the order their ids number them
	 * @return the parameters
	 */
	public static Map<String, Object> parameters(List<NestedPage> ordered) {
		List<Map<String, Object>> requests = new ArrayList<>();
		long reach = 0;
		for (int i = 0; i < ordered.size(); i++) {
			NestedPage key = ordered.get(i);
			Map<String, Object> request = NestedPage.parameters(key.arguments(), key.page());
			request.put("id", i);
			request.put("parent", key.parent());
			requests.add(request);
			reach = Math.max(reach, key.page().reach());
		}
		return Map.of("requests", requests, "reach", reach);
	}

	/**
	 * Reads the pages of one batch, in a read-only transaction of its own: a batch loader
	 * is no controller method, so it gets the transaction the controllers' methods get
	 * from {@code @Transactional} through this bean's proxy. That annotation is the API's
	 * one transaction mechanism. There is no transaction around a whole request: a
	 * statement that fails ends its transaction, and the request's other fields must not
	 * fail with it; Neo4j reads at read-committed isolation, so one transaction per
	 * request would not have given one snapshot either.
	 */
	@Component
	@Transactional(readOnly = true)
	static class BatchReads {

		private final Reads reads;

		BatchReads(Reads reads) {
			this.reads = reads;
		}

		public <T> Map<NestedPage, Connection<T>> load(Set<NestedPage> keys, String statement, GraphQLContext context,
				BiFunction<Map<?, ?>, GraphQLContext, T> reader, @Nullable Function<T, String> itemKey) {
			List<NestedPage> ordered = new ArrayList<>(keys);
			Map<NestedPage, Connection<T>> out = new HashMap<>();
			for (Map<String, Object> row : this.reads.all(statement, parameters(ordered))) {
				NestedPage key = ordered.get(Rows.integer(row, "id"));
				List<T> items = Objects.requireNonNull(Rows.maps(row, "page", (item) -> reader.apply(item, context)));
				out.put(key, Connection.of(items, key.page(), itemKey, Rows.integer(row, "total")));
			}
			// A parent the graph does not hold (it cannot happen for parents the API
			// returned) pages as empty.
			for (NestedPage key : ordered) {
				out.computeIfAbsent(key, (k) -> Connection.of(List.of(), k.page(), itemKey, 0));
			}
			return out;
		}

	}

}
