package org.clustergraph.neo4j;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the API's read statements of {@code cypher/} in the caller's transaction (the one
 * {@code @Transactional(readOnly = true)} began), or in one of their own outside any.
 * Rows come back as plain Java maps: strings, {@code Long}s, {@code Double}s, booleans,
 * lists and maps, whichever way the database is reached (see {@link ReadsConfiguration}).
 */
public interface Reads {

	/**
	 * Logs, at debug level, the name of every statement read: what a request costs in
	 * statements, whichever way the database is read.
	 */
	Logger STATEMENTS = LoggerFactory.getLogger(Reads.class);

	/**
	 * Every row of a statement.
	 * @param statement the statement's name under {@code cypher/}
	 * @param parameters its parameters
	 * @return the rows, in the statement's order
	 */
	List<Map<String, Object>> all(String statement, Map<String, ? extends @Nullable Object> parameters);

	/**
	 * The row of a statement that returns at most one.
	 * @param statement the statement's name under {@code cypher/}
	 * @param parameters its parameters
	 * @return the row, or empty when it returned none
	 * @throws IllegalStateException when it returned more than one
	 */
	default Optional<Map<String, Object>> one(String statement, Map<String, ? extends @Nullable Object> parameters) {
		List<Map<String, Object>> rows = all(statement, parameters);
		if (rows.size() > 1) {
			throw new IllegalStateException(statement + " returned " + rows.size() + " rows where one was expected");
		}
		return rows.stream().findFirst();
	}

}
