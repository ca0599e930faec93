package org.clustergraph.neo4j;

import org.jspecify.annotations.Nullable;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions ({@code @Transactional(readOnly = true)},
 * {@code TransactionTemplate}) as read-only transactions of the embedded database, bound
 * to the thread for {@link InProcessReads}. It begins no write transaction: the graph is
 * written by the loader, over Bolt, in generations of its own.
 */
final class InProcessTransactionManager extends AbstractPlatformTransactionManager {

	private final EmbeddedNeo4jLauncher embedded;

	InProcessTransactionManager(EmbeddedNeo4jLauncher embedded) {
		this.embedded = embedded;
	}

	/** What Spring hands back to this manager: the bound transaction, if any. */
	private static final class Handle {

		@Nullable InternalTransaction transaction;

		Handle(@Nullable InternalTransaction transaction) {
			this.transaction = transaction;
		}

	}

	@Override
	protected Object doGetTransaction() {
		return new Handle((InternalTransaction) TransactionSynchronizationManager.getResource(this.embedded));
	}

	@Override
	protected boolean isExistingTransaction(Object transaction) {
		return ((Handle) transaction).transaction != null;
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		if (!definition.isReadOnly()) {
			throw new IllegalTransactionStateException(
					"The service reads the embedded database in read-only transactions only; the loader writes it");
		}
		InternalTransaction begun = InProcessReads.begin(this.embedded, determineTimeout(definition));
		((Handle) transaction).transaction = begun;
		TransactionSynchronizationManager.bindResource(this.embedded, begun);
	}

	@Override
	protected Object doSuspend(Object transaction) {
		((Handle) transaction).transaction = null;
		return TransactionSynchronizationManager.unbindResource(this.embedded);
	}

	@Override
	protected void doResume(@Nullable Object transaction, Object suspended) {
		TransactionSynchronizationManager.bindResource(this.embedded, suspended);
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		bound(status).commit();
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		bound(status).rollback();
	}

	@Override
	protected void doSetRollbackOnly(DefaultTransactionStatus status) {
		// a read-only transaction has nothing to roll back; the outer one ends it
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		Handle handle = (Handle) transaction;
		TransactionSynchronizationManager.unbindResourceIfPossible(this.embedded);
		if (handle.transaction != null) {
			handle.transaction.close();
			handle.transaction = null;
		}
	}

	private static InternalTransaction bound(DefaultTransactionStatus status) {
		InternalTransaction transaction = ((Handle) status.getTransaction()).transaction;
		if (transaction == null) {
			throw new IllegalTransactionStateException("No embedded transaction is bound");
		}
		return transaction;
	}

}
