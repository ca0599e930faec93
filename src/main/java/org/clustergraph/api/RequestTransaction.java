package org.clustergraph.api;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each GraphQL request in one read-only transaction. The data fetchers and batch
 * loaders of a request run on the request's thread and join it, so a request costs one
 * transaction and one connection however many fields it has, and the database stops the
 * whole request, not just one statement, when it runs past
 * {@code spring.transaction.default-timeout}. The transaction is always rolled back: it
 * only reads, and a field that failed must not turn the others' commit into an error.
 * <p>
 * One transaction is not one snapshot: Neo4j reads at read-committed isolation, so a load
 * that commits between two statements of a request (it replaces the graph in one write
 * transaction) is seen by the later statement only. Node keys survive a reload when the
 * node does, so such a request answers with a mix of the two graphs at worst.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestTransaction implements WebGraphQlInterceptor {

	private final TransactionTemplate template;

	RequestTransaction(PlatformTransactionManager transactions) {
		this.template = new TransactionTemplate(transactions);
		this.template.setReadOnly(true);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.fromCallable(() -> this.template.execute((status) -> {
			status.setRollbackOnly();
			return chain.next(request).block();
		}));
	}

}
