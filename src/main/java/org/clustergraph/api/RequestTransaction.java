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
 * transaction however many fields it has, reads one consistent state of the graph, and is
 * stopped by the database when it runs past {@code spring.transaction.default-timeout}.
 * The transaction is always rolled back: it only reads, and a field that failed must not
 * turn the others' commit into an error.
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
