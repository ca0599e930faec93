package org.clustergraph.api;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a batch loader's reads in one read-only transaction (with the transaction
 * manager's timeout), as {@code @Transactional(readOnly = true)} does for controller
 * methods, so that a cluster's driver can route them to followers and read replicas.
 * <p>
 * There is no transaction around a whole request: a statement that fails ends its
 * transaction, and the request's other fields must not fail with it. Each root field's
 * controller method and each batch load therefore reads in its own transaction, with its
 * own timeout; Neo4j reads at read-committed isolation, so one transaction per request
 * would not have given one snapshot either.
 */
@Component
public class ReadTransactions {

	private final TransactionTemplate template;

	ReadTransactions(PlatformTransactionManager transactions) {
		this.template = new TransactionTemplate(transactions);
		this.template.setReadOnly(true);
		this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
	}

	/**
	 * Runs reads in a read-only transaction.
	 * @param <T> the result type
	 * @param reads the reads
	 * @return their result
	 */
	public <T> T read(Supplier<T> reads) {
		return this.template.execute((status) -> reads.get());
	}

}
