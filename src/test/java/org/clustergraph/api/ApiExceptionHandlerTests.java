package org.clustergraph.api;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.language.SourceLocation;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.memory.MemoryLimitExceededException;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The errors a client gets when the database stops a read, and when something nobody
 * expected goes wrong: a classification and a message that say what to do, at the field
 * that failed, and never the exception's own text.
 */
class ApiExceptionHandlerTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	private final DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
		.mergedField(
				MergedField.newMergedField(Field.newField("clusters").sourceLocation(new SourceLocation(3, 5)).build())
					.build())
		.executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
			.type(Scalars.GraphQLString)
			.path(ResultPath.parse("/region/clusters"))
			.build())
		.build();

	@Test
	void answersAReadTheDatabaseTimedOutWithAnAbortedErrorAtItsField() {
		ClientException timedOut = new ClientException(
				"Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
				"The transaction has been terminated. Retry your operation in a new transaction, and you should see "
						+ "a successful result. The transaction has not completed within the timeout specified "
						+ "at its start by the client.");
		GraphQLError error = this.handler.database(new DataRetrievalFailureException("read failed", timedOut),
				this.env);
		assertThat(error.getErrorType()).isEqualTo(graphql.ErrorType.ExecutionAborted);
		assertThat(error.getMessage()).contains("ran past the time limit").contains("ask for less");
		assertThat(error.getPath()).containsExactly("region", "clusters");
		assertThat(error.getLocations()).containsExactly(new SourceLocation(3, 5));
	}

	@Test
	void answersAReadTheDatabaseTerminatedWithTheSameError() {
		TransientException terminated = new TransientException("Neo.TransientError.Transaction.Terminated",
				"The transaction has been terminated.");
		GraphQLError error = this.handler.database(new DataRetrievalFailureException("read failed", terminated),
				this.env);
		assertThat(error.getErrorType()).isEqualTo(graphql.ErrorType.ExecutionAborted);
		assertThat(error.getMessage()).contains("ran past the time limit");
	}

	@Test
	void answersAReadOfTheEmbeddedDatabaseInProcessTheSameWay() {
		// in process, the database's errors carry their status without the driver
		QueryExecutionException timedOut = new QueryExecutionException("The transaction has been terminated.", null,
				"Neo.ClientError.Transaction.TransactionTimedOut");
		assertThat(this.handler.database(new IllegalStateException("read failed", timedOut), this.env).getErrorType())
			.isEqualTo(graphql.ErrorType.ExecutionAborted);
		class Terminated extends RuntimeException implements Status.HasStatus {

			@Override
			public Status status() {
				return Status.Transaction.Terminated;
			}

		}
		assertThat(this.handler.database(new Terminated(), this.env).getErrorType())
			.isEqualTo(graphql.ErrorType.ExecutionAborted);
		QueryExecutionException syntax = new QueryExecutionException("Invalid input", null,
				"Neo.ClientError.Statement.SyntaxError");
		assertThat(this.handler.database(new IllegalStateException("read failed", syntax), this.env).getErrorType())
			.isEqualTo(ErrorType.INTERNAL_ERROR);
	}

	@Test
	void answersAReadThatRanOutOfTheDatabasesMemorySayingWhetherToRetryOrAskForLess() {
		// every transaction at once over the shared limit: the others end, so again later
		MemoryLimitExceededException pool = MemoryLimitExceededException.memoryPoolOutOfMemoryExceeded(2 << 20,
				409 << 20, 408 << 20, "dbms.memory.transaction.total.max");
		GraphQLError shared = this.handler.database(new IllegalStateException("read failed", pool), this.env);
		assertThat(shared.getErrorType()).isEqualTo(Unavailable.UNAVAILABLE);
		assertThat(shared.getMessage()).contains("again", "ask for less").doesNotContain("dbms.memory");
		assertThat(shared.getPath()).containsExactly("region", "clusters");
		GraphQLError overBolt = this.handler.database(
				new DataRetrievalFailureException("read failed",
						new TransientException("Neo.TransientError.General.MemoryPoolOutOfMemoryError", "pool")),
				this.env);
		assertThat(overBolt.getErrorType()).isEqualTo(Unavailable.UNAVAILABLE);
		// one transaction over its own limit: it would fail again
		MemoryLimitExceededException own = MemoryLimitExceededException.transactionMemoryLimitExceeded(2 << 20,
				100 << 20, 99 << 20, "db.memory.transaction.max");
		GraphQLError alone = this.handler.database(new IllegalStateException("read failed", own), this.env);
		assertThat(alone.getErrorType()).isEqualTo(graphql.ErrorType.ExecutionAborted);
		assertThat(alone.getMessage()).contains("more memory", "ask for less").doesNotContain("again");
	}

	@Test
	void aBurstOfReadsStoppedForOneCauseIsLoggedOnceAndEachCauseApart() {
		ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory
			.getLogger(ApiExceptionHandler.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			for (int i = 0; i < 3; i++) {
				TransientException pool = new TransientException(
						"Neo.TransientError.General.MemoryPoolOutOfMemoryError", "pool");
				// every field of the burst is still answered, only the log is spared
				assertThat(this.handler.database(new DataRetrievalFailureException("read failed", pool), this.env)
					.getErrorType()).isEqualTo(Unavailable.UNAVAILABLE);
			}
			TransientException terminated = new TransientException("Neo.TransientError.Transaction.Terminated",
					"The transaction has been terminated.");
			this.handler.database(new DataRetrievalFailureException("read failed", terminated), this.env);
			this.handler.database(new DataRetrievalFailureException("read failed", terminated), this.env);
			assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
				.containsExactly(
						"Stopped a read at /region/clusters: the database's memory for transactions was used up",
						"Stopped a read that ran past the transaction timeout: /region/clusters");
		}
		finally {
			logger.detachAppender(appender);
		}
	}

	@Test
	void answersAReadTheDatabaseCouldNotBeReachedForAsUnavailable() {
		ServiceUnavailableException refused = new ServiceUnavailableException(
				"Unable to connect to 127.0.0.1:7687, ensure the database is running");
		GraphQLError error = this.handler
			.database(new TransactionSystemException("Could not open a new Neo4j session", refused), this.env);
		assertThat(error.getErrorType()).isEqualTo(Unavailable.UNAVAILABLE);
		assertThat(error.getMessage()).contains("unavailable", "again").doesNotContain("7687");
		assertThat(error.getPath()).containsExactly("region", "clusters");
		GraphQLError expired = this.handler
			.database(new DataRetrievalFailureException("read failed", new SessionExpiredException("gone")), this.env);
		assertThat(expired.getErrorType()).isEqualTo(Unavailable.UNAVAILABLE);
		GraphQLError refusedLogin = this.handler.database(
				new TransactionSystemException("Could not open",
						new AuthenticationException("Neo.ClientError.Security.Unauthorized", "bad credentials")),
				this.env);
		assertThat(refusedLogin.getErrorType()).isEqualTo(Unavailable.UNAVAILABLE);
		GraphQLError rateLimited = this.handler.database(
				new TransactionSystemException("Could not open",
						new ClientException("Neo.ClientError.Security.AuthenticationRateLimit", "too many times")),
				this.env);
		assertThat(rateLimited.getErrorType()).isEqualTo(Unavailable.UNAVAILABLE);
	}

	@Test
	void answersAnythingElseWithAnInternalErrorThatGivesNothingAway() {
		String cypher = "MATCH (c:Cluster {key: $key}) RETURN c";
		ClientException syntax = new ClientException("Neo.ClientError.Statement.SyntaxError",
				"Invalid input 'RETRUN': " + cypher);
		GraphQLError error = this.handler.database(new DataRetrievalFailureException(cypher, syntax), this.env);
		assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
		assertThat(error.getMessage()).isEqualTo("Internal error; it has been logged for the operators");
		assertThat(error.getPath()).containsExactly("region", "clusters");
		assertThat(error.getExtensions()).isNullOrEmpty();
	}

}
