package org.clustergraph.neo4j;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.Result;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.internal.kernel.api.security.StaticAccessMode;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads the embedded database in the service's own process, without the Bolt round trips
 * (the driver's and the server's network threads, its messages and their encoding) that
 * an external database needs: about 40% of a lookup's CPU samples (BENCHMARKS.md, "Reads
 * in process"). Every transaction is read-only: the database refuses a write in one as it
 * refuses a write in a Bolt session opened for reading.
 */
final class InProcessReads implements Reads {

	private final EmbeddedNeo4jLauncher embedded;

	InProcessReads(EmbeddedNeo4jLauncher embedded) {
		this.embedded = embedded;
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> all(String statement, Map<String, ? extends @Nullable Object> parameters) {
		STATEMENTS.debug("{}", statement);
		String text = CypherFiles.get(statement);
		Map<String, Object> values = (Map<String, Object>) parameters;
		InternalTransaction bound = (InternalTransaction) TransactionSynchronizationManager.getResource(this.embedded);
		if (bound != null) {
			return rows(bound, text, values);
		}
		try (InternalTransaction transaction = begin(this.embedded, -1)) {
			List<Map<String, Object>> rows = rows(transaction, text, values);
			transaction.commit();
			return rows;
		}
	}

	/**
	 * Begins a read-only transaction of the embedded database.
	 * @param embedded the embedded server
	 * @param timeoutSeconds the time limit, or a negative number for the database's own
	 * @return the transaction
	 */
	static InternalTransaction begin(EmbeddedNeo4jLauncher embedded, int timeoutSeconds) {
		GraphDatabaseAPI database = embedded.await().database();
		SecurityContext reader = SecurityContext.authDisabled(StaticAccessMode.READ,
				ClientConnectionInfo.EMBEDDED_CONNECTION, database.databaseName());
		return (timeoutSeconds < 0)
				? database.beginTransaction(KernelTransaction.Type.EXPLICIT, reader,
						ClientConnectionInfo.EMBEDDED_CONNECTION)
				: database.beginTransaction(KernelTransaction.Type.EXPLICIT, reader,
						ClientConnectionInfo.EMBEDDED_CONNECTION, timeoutSeconds, TimeUnit.SECONDS);
	}

	private static List<Map<String, Object>> rows(InternalTransaction transaction, String text,
			Map<String, Object> parameters) {
		List<Map<String, Object>> rows = new ArrayList<>();
		try (Result result = transaction.execute(text, parameters)) {
			while (result.hasNext()) {
				rows.add(map(result.next()));
			}
		}
		return rows;
	}

	private static Map<String, Object> map(Map<String, Object> map) {
		Map<String, Object> plain = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
		map.forEach((key, value) -> plain.put(key, plain(value)));
		return plain;
	}

	/**
	 * A value as the driver gives it over Bolt: lists for arrays (a stored array property
	 * comes out of the embedded database as a Java array), and nested lists and maps the
	 * same way. Nodes, relationships and paths are bound to the transaction and are not
	 * passed on: the API's statements return maps.
	 */
	@SuppressWarnings("unchecked")
	private static @Nullable Object plain(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
				|| value instanceof Double) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			return map((Map<String, Object>) map);
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> plain = new ArrayList<>(list.size());
			list.forEach((item) -> plain.add(plain(item)));
			return plain;
		}
		if (value.getClass().isArray()) {
			int length = Array.getLength(value);
			List<@Nullable Object> plain = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				plain.add(plain(widen(Array.get(value, i))));
			}
			return plain;
		}
		if (value instanceof Entity || value instanceof Path) {
			throw new IllegalStateException("A statement returned a " + value.getClass().getSimpleName()
					+ "; the API's statements return maps of properties");
		}
		return widen(value);
	}

	/** Integers as {@code Long} and floats as {@code Double}, as Cypher's types are. */
	private static Object widen(Object value) {
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Float number) {
			return number.doubleValue();
		}
		return value;
	}

}
