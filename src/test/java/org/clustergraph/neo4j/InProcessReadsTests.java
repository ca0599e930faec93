package org.clustergraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database read in process: the rows it gives against the rows the same
 * statement gives over Bolt, and the transactions it reads in.
 */
class InProcessReadsTests {

	@TempDir
	static Path store;

	static EmbeddedNeo4jLauncher embedded;

	static Driver driver;

	static InProcessReads reads;

	static InProcessTransactionManager transactions;

	@BeforeAll
	static void start() {
		embedded = new EmbeddedNeo4jLauncher(
				new EmbeddedNeo4jProperties(store, "127.0.0.1", 0, "", "16m", Duration.ofSeconds(60), "40%"));
		embedded.await()
			.database()
			.executeTransactionally("CREATE (:Probe {key: 'a', codes: ['x', 'y'], counts: [1, 2], n: 3, "
					+ "ratio: 0.5, flags: [true, false], on: date('2024-05-01')})");
		driver = GraphDatabase.driver(embedded.boltUri(), embedded.authToken());
		reads = new InProcessReads(embedded);
		transactions = new InProcessTransactionManager(embedded);
	}

	@AfterAll
	static void stop() {
		driver.close();
		embedded.close();
	}

	@Test
	void givesTheRowsTheDriverGivesOverBolt() {
		Map<String, Object> parameters = Map.of("key", "a", "given", Map.of("list", List.of(1, "two"), "n", 7));
		List<Map<String, Object>> inProcess = reads.all("test/probe", parameters);
		List<Map<String, Object>> overBolt;
		try (Session session = driver.session(SessionConfig.defaultConfig())) {
			overBolt = session.executeRead(
					(tx) -> tx.run(CypherFiles.get("test/probe"), parameters).list((record) -> record.asMap()));
		}
		assertThat(inProcess).isEqualTo(overBolt).hasSize(1);
		// stored arrays come out of the embedded database as Java arrays; the API's
		// readers take lists, as the driver gives them
		Map<?, ?> probe = (Map<?, ?>) inProcess.get(0).get("probe");
		assertThat(probe.get("codes")).isEqualTo(List.of("x", "y"));
		assertThat(probe.get("counts")).isEqualTo(List.of(1L, 2L));
		assertThat(probe.get("n")).isEqualTo(3L);
		assertThat(inProcess.get(0)).containsEntry("nothing", null);
	}

	@Test
	void refusesAWriteWithinAndWithoutASpringTransaction() {
		assertThatThrownBy(() -> reads.all("test/write", Map.of())).satisfies(InProcessReadsTests::forbidden);
		TransactionTemplate template = readOnly();
		assertThatThrownBy(() -> template.executeWithoutResult((status) -> reads.all("test/write", Map.of())))
			.satisfies(InProcessReadsTests::forbidden);
		assertThat(reads.one("test/probes", Map.of())).hasValue(Map.of("probes", 1L));
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult((status) -> {
			}))
			.withMessageContaining("read-only");
	}

	@Test
	void readsInTheTransactionSpringBeganAndEndsIt() {
		TransactionTemplate template = readOnly();
		InternalTransaction[] bound = new InternalTransaction[2];
		template.executeWithoutResult((status) -> {
			bound[0] = (InternalTransaction) TransactionSynchronizationManager.getResource(embedded);
			assertThat(reads.one("test/probes", Map.of())).hasValue(Map.of("probes", 1L));
			// a nested @Transactional method joins it
			template.executeWithoutResult((
					inner) -> bound[1] = (InternalTransaction) TransactionSynchronizationManager.getResource(embedded));
			assertThat(bound[0].isOpen()).isTrue();
		});
		assertThat(bound[0]).isNotNull().isSameAs(bound[1]);
		assertThat(bound[0].isOpen()).isFalse();
		assertThat(TransactionSynchronizationManager.getResource(embedded)).isNull();
	}

	@Test
	void stopsAReadAtTheSpringTransactionsTimeout() {
		TransactionTemplate template = readOnly();
		template.setTimeout(1);
		long started = System.nanoTime();
		assertThatThrownBy(() -> template.executeWithoutResult((status) -> reads.all("test/slow", Map.of())))
			.satisfies((ex) -> assertThat(status(ex)).contains("TransactionTimedOut"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(TransactionSynchronizationManager.getResource(embedded)).isNull();
	}

	private static TransactionTemplate readOnly() {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setReadOnly(true);
		return template;
	}

	private static void forbidden(Throwable ex) {
		// the read-only security context refuses it as a user without write rights is
		assertThat(status(ex)).isEqualTo("Neo.ClientError.Security.Forbidden");
	}

	private static String status(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof Status.HasStatus status) {
				return status.status().code().serialize();
			}
			if (cause instanceof org.neo4j.graphdb.QueryExecutionException query) {
				return query.getStatusCode();
			}
		}
		return "no status: " + ex;
	}

}
