package org.clustergraph.api;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns the API's exceptions into errors a client can act on. Whatever is not handled
 * here reaches the client as Spring for GraphQL's opaque {@code INTERNAL_ERROR}, without
 * a message, stack trace or Cypher text.
 */
@ControllerAdvice
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

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
			if (cause instanceof Neo4jException neo4j && neo4j.code() != null
					&& (neo4j.code().contains("TransactionTimedOut") || neo4j.code().contains("Terminated"))) {
				logger.warn("Stopped a read that ran past the transaction timeout: {}",
						env.getExecutionStepInfo().getPath());
				return error(env, ErrorType.ExecutionAborted,
						"The database stopped this field because it ran past the time limit; ask for less "
								+ "(a smaller first, depth or limit) or narrow the filter");
			}
		}
		logger.error("Unexpected error at {}", env.getExecutionStepInfo().getPath(), ex);
		return error(env, org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR,
				"Internal error; it has been logged for the operators");
	}

	private static GraphQLError error(DataFetchingEnvironment env, graphql.ErrorClassification type, String message) {
		return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
	}

}
