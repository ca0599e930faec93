package org.clustergraph.api;

import java.time.Duration;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.api.exceptions.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns the API's exceptions into errors a client can act on. Whatever is not handled
 * here reaches the client as Spring for GraphQL's opaque {@code INTERNAL_ERROR}, without
 * a message, stack trace or Cypher text. Each controller method and batch loader reads in
 * a transaction of its own, so an error here is its field's alone: the request's other
 * fields are answered.
 */
@ControllerAdvice
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);

	private final ThrottledWarning unreachable = new ThrottledWarning(logger, WARNING_INTERVAL);

	private final ThrottledWarning poolUsedUp = new ThrottledWarning(logger, WARNING_INTERVAL);

	private final ThrottledWarning overTransactionMemory = new ThrottledWarning(logger, WARNING_INTERVAL);

	private final ThrottledWarning timedOut = new ThrottledWarning(logger, WARNING_INTERVAL);

	@GraphQlExceptionHandler
	GraphQLError badRequest(BadRequestException ex, DataFetchingEnvironment env) {
		return error(env, org.springframework.graphql.execution.ErrorType.BAD_REQUEST, ex.getMessage());
	}

	@GraphQlExceptionHandler
	GraphQLError notFound(NotFoundException ex, DataFetchingEnvironment env) {
		return error(env, org.springframework.graphql.execution.ErrorType.NOT_FOUND, ex.getMessage());
	}

	@GraphQlExceptionHandler
	GraphQLError database(RuntimeException ex, DataFetchingEnvironment env) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (isUnreachable(cause)) {
				this.unreachable.warn("The database is unreachable; answered {} as unavailable: {}", path(env),
						cause.toString());
				return error(env, Unavailable.UNAVAILABLE,
						"The database is unavailable; send the request again in a moment");
			}
			String code = statusCode(cause);
			if (code != null && code.endsWith("MemoryPoolOutOfMemoryError")) {
				// the memory all transactions share is taken, by requests that run
				// at the same time and will end
				this.poolUsedUp.warn("Stopped a read at {}: the database's memory for transactions was used up",
						path(env));
				return error(env, Unavailable.UNAVAILABLE,
						"The database's memory for reads is taken by other requests at the moment; send the request "
								+ "again in a moment, or ask for less (a smaller first, depth or limit)");
			}
			if (code != null
					&& (code.endsWith("TransactionOutOfMemoryError") || code.endsWith("TransactionMemoryLimit"))) {
				this.overTransactionMemory
					.warn("Stopped a read that needed more memory than a transaction may have: {}", path(env));
				return error(env, ErrorType.ExecutionAborted,
						"The database stopped this field because it needed more memory than a request may have; ask "
								+ "for less (a smaller first, depth or limit) or narrow the filter");
			}
			if (code != null && (code.contains("TransactionTimedOut") || code.contains("Terminated"))) {
				this.timedOut.warn("Stopped a read that ran past the transaction timeout: {}", path(env));
				return error(env, ErrorType.ExecutionAborted,
						"The database stopped this field because it ran past the time limit; ask for less "
								+ "(a smaller first, depth or limit) or narrow the filter");
			}
		}
		logger.error("Unexpected error at {}", env.getExecutionStepInfo().getPath(), ex);
		return error(env, org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR,
				"Internal error; it has been logged for the operators");
	}

	private static Object path(DataFetchingEnvironment env) {
		return env.getExecutionStepInfo().getPath();
	}

	private static boolean isUnreachable(Throwable cause) {
		// A refused login (the password changed, logins rate-limited) leaves the service
		// without a database just as a stopped server does.
		if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException
				|| cause instanceof AuthenticationException) {
			return true;
		}
		String code = statusCode(cause);
		return "Neo.TransientError.General.DatabaseUnavailable".equals(code)
				|| "Neo.ClientError.Security.AuthenticationRateLimit".equals(code);
	}

	/**
	 * The database's status code of an error, whether it came over Bolt (a driver
	 * exception) or from the embedded database read in process.
	 */
	private static @Nullable String statusCode(Throwable cause) {
		if (cause instanceof Neo4jException neo4j) {
			return neo4j.code();
		}
		if (cause instanceof Status.HasStatus status) {
			return status.status().code().serialize();
		}
		return (cause instanceof QueryExecutionException query) ? query.getStatusCode() : null;
	}

	private static GraphQLError error(DataFetchingEnvironment env, graphql.ErrorClassification type, String message) {
		return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
	}

}
