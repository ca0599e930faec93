package org.clustergraph.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Answers a root connection field with two statements that take the same filter
 * parameters: {@code <name>-page} returns one page of items in a column, and
 * {@code <name>-count} returns the {@code total}, run only when the client selected
 * {@code totalCount}; with no filter, {@code <name>-count-all} returns it instead, where
 * there is one (a count the database keeps, where the filtered count reads every node). A
 * connection pages by a unique key ({@code $after}, {@code $limit}: the items whose key
 * is above {@code $after}, by key, read from the key's index without skipping); one whose
 * order is not a single property's (crossListedClusters, by programs and key) has the
 * load write a key in that order. Runs in the caller's transaction.
 */
@Component
public class RootPages {

	private final Reads reads;

	RootPages(Reads reads) {
		this.reads = reads;
	}

	/**
	 * One page of a root connection ordered by a unique key.
	 * @param <T> the item type
	 * @param statements the statements' common name under {@code cypher/}, such as
	 * {@code api/regions}
	 * @param filter the filter parameters, null values meaning no filter
	 * @param page the page asked for
	 * @param withTotal whether the client selected {@code totalCount}
	 * @param column the column holding each item
	 * @param mapper reads an item
	 * @param key the key the connection is ordered by, of an item
	 * @return the connection
	 */
	public <T> Connection<T> page(String statements, Map<String, @Nullable Object> filter, KeysetPage page,
			boolean withTotal, String column, Function<Map<?, ?>, T> mapper, Function<T, String> key) {
		return pageOfRows(statements, filter, Map.of(), page, withTotal, (row) -> mapper.apply(Rows.map(row, column)),
				key);
	}

	/**
	 * A page whose items are read from the whole row of the page statement, for a
	 * statement that returns more than the item (the lists a query selects of it).
	 * @param <T> the item type
	 * @param statements the statements' common name, as for
	 * {@link #page(String, Map, KeysetPage, boolean, String, Function, Function)}
	 * @param filter the parameters both statements take
	 * @param pageOnly more parameters of the page statement alone
	 * @param page the page asked for
	 * @param withTotal whether to count the whole connection
	 * @param mapper an item from its row
	 * @param key the key the connection is ordered by, of an item
	 * @return the connection
	 */
	public <T> Connection<T> pageOfRows(String statements, Map<String, @Nullable Object> filter,
			Map<String, Object> pageOnly, KeysetPage page, boolean withTotal, Function<Map<String, Object>, T> mapper,
			Function<T, String> key) {
		Map<String, @Nullable Object> paged = new HashMap<>(filter);
		paged.putAll(pageOnly);
		paged.put("after", page.afterKey());
		paged.put("limit", page.fetch());
		return Connection.of(items(statements, paged, mapper), page, key, total(statements, filter, withTotal));
	}

	private <T> List<T> items(String statements, Map<String, @Nullable Object> parameters,
			Function<Map<String, Object>, T> mapper) {
		return Rows.all(this.reads, statements + "-page", parameters, mapper);
	}

	private @Nullable Integer total(String statements, Map<String, @Nullable Object> filter, boolean withTotal) {
		return withTotal ? count(statements, filter) : null;
	}

	/**
	 * The total of a connection: how many items its pages hold.
	 * @param statements the statements' common name, as for
	 * {@link #page(String, Map, KeysetPage, boolean, String, Function, Function)}
	 * @param filter the parameters of the count statement
	 * @return the total
	 */
	public int count(String statements, Map<String, @Nullable Object> filter) {
		boolean unfiltered = filter.values().stream().allMatch(Objects::isNull);
		String statement = (unfiltered && CypherFiles.exists(statements + "-count-all")) ? statements + "-count-all"
				: statements + "-count";
		return this.reads.one(statement, unfiltered ? Map.of() : filter)
			.map((row) -> Rows.integer(row, "total"))
			.orElse(0);
	}

}
