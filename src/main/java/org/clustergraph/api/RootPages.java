package org.clustergraph.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Answers a root connection field with two statements that take the same filter
 * parameters: {@code <name>-page} returns one page ({@code $offset}, {@code $limit}) of
 * items in a column, and {@code <name>-count} returns the {@code total}, run only when
 * the client selected {@code totalCount}. Runs in the caller's transaction.
 */
@Component
public class RootPages {

	private final Neo4jClient neo4j;

	RootPages(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * One page of a root connection.
	 * @param <T> the item type
	 * @param statements the statements' common name under {@code cypher/}, such as
	 * {@code api/clusters}
	 * @param filter the filter parameters, null values meaning no filter
	 * @param page the page asked for
	 * @param withTotal whether the client selected {@code totalCount}
	 * @param column the column holding each item
	 * @param mapper reads an item
	 * @return the connection
	 */
	public <T> Connection<T> page(String statements, Map<String, @Nullable Object> filter, PageRequest page,
			boolean withTotal, String column, Function<Map<?, ?>, T> mapper) {
		return pageOfRows(statements, filter, page, withTotal, (row) -> mapper.apply(Rows.map(row, column)));
	}

	/**
	 * A page whose items are read from the whole row of the page statement, for a
	 * statement that returns more than the item (the lists a query selects of it).
	 * @param <T> the item type
	 * @param statements the statements' common name, as for
	 * {@link #page(String, Map, PageRequest, boolean, String, Function)}
	 * @param filter the parameters both statements take
	 * @param page the page asked for
	 * @param withTotal whether to count the whole connection
	 * @param mapper an item from its row
	 * @return the connection
	 */
	public <T> Connection<T> pageOfRows(String statements, Map<String, @Nullable Object> filter, PageRequest page,
			boolean withTotal, Function<Map<String, Object>, T> mapper) {
		Map<String, @Nullable Object> paged = new HashMap<>(filter);
		paged.put("offset", page.offset());
		paged.put("limit", page.fetch());
		List<T> items = this.neo4j.query(CypherFiles.get(statements + "-page"))
			.bindAll(paged)
			.fetch()
			.all()
			.stream()
			.map(mapper)
			.toList();
		Integer total = withTotal ? this.neo4j.query(CypherFiles.get(statements + "-count"))
			.bindAll(filter)
			.fetchAs(Integer.class)
			.mappedBy((types, record) -> record.get("total").asInt())
			.one()
			.orElse(0) : null;
		return Connection.of(items, page, total);
	}

}
