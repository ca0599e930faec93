package org.clustergraph.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Refuses an operation before any of it runs when it is deeper, costlier, more aliased or
 * wider at its root than {@link ApiProperties} allows. The cost is graphql-java's
 * {@link QueryComplexityCalculator} with this API's {@link FieldComplexityCalculator}: a
 * field costs one plus the cost of its selections, times the page size ({@code first}, 20
 * when not given) under a connection or a search, so a page of pages is priced as what it
 * would fetch; a drawable graph costs one plus, for each field selected of it, the nodes
 * it may hold ({@code limit} of a neighbourhood, one more than {@code maxLength} of a
 * path). Introspection is not counted: GraphiQL's schema query is deep but cheap.
 * Rejections are validation errors, as graphql-java classifies its own limits.
 *
 * <p>
 * graphql-java's {@code MaxQueryDepthInstrumentation} and
 * {@code MaxQueryComplexityInstrumentation} are not used as they are: they walk the
 * document again on every request, their errors name neither the limit nor what to ask
 * instead, and nothing in graphql-java bounds aliases or the fields at the root. Depth,
 * aliases and root fields are therefore counted in one walk here, and complexity by the
 * library's calculator.
 *
 * <p>
 * The measures of a document depend only on its text, the operation and the values of its
 * {@code Int} and {@code Boolean} variables (page sizes, {@code @include} and
 * {@code @skip}), so they are kept for the most recent of those: walking the document
 * again for every request cost a lookup a twelfth of its time on the request thread.
 */
@Component
class QueryLimits extends SimplePerformantInstrumentation {

	/**
	 * How many measures are kept, as many as parsed documents are; all are dropped when
	 * there would be more.
	 */
	static final int KEPT = DocumentCache.SIZE;

	private final ApiProperties limits;

	private final Map<MeasureKey, Measure> measures = new ConcurrentHashMap<>();

	QueryLimits(ApiProperties limits) {
		this.limits = limits;
	}

	@Override
	public @Nullable InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		MeasureKey key = MeasureKey.of(context);
		Measure measure = this.measures.get(key);
		if (measure == null) {
			measure = measure(context);
			if (this.measures.size() >= KEPT) {
				this.measures.clear();
			}
			this.measures.put(key, measure);
		}
		List<GraphQLError> errors = new ArrayList<>();
		check(errors, measure.depth, this.limits.maxDepth(), "nests fields %d deep; at most %d levels are allowed");
		check(errors, measure.complexity, this.limits.maxComplexity(),
				"would cost %d (one per field, times first under a connection or search, and one per node a graph "
						+ "may hold for each of its fields); at most %d is allowed: "
						+ "ask for smaller pages, a smaller graph limit or fewer nested fields");
		check(errors, measure.aliases, this.limits.maxAliases(), "uses %d aliases; at most %d are allowed");
		check(errors, measure.rootFields, this.limits.maxRootFields(),
				"selects %d fields at its root; at most %d are allowed: split it into several requests");
		if (!errors.isEmpty()) {
			throw new AbortExecutionException(errors);
		}
		return super.beginExecuteOperation(parameters, state);
	}

	private static void check(List<GraphQLError> errors, long value, int limit, String message) {
		if (value > limit) {
			errors.add(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.ValidationError)
				.message("The query " + message.formatted(value, limit))
				.extensions(Map.of("limit", limit, "actual", value))
				.build());
		}
	}

	private Measure measure(ExecutionContext context) {
		Measure measure = new Measure();
		QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.coercedVariables(context.getCoercedVariables())
			.build()
			.visitPreOrder(new QueryVisitorStub() {

				@Override
				public void visitField(QueryVisitorFieldEnvironment env) {
					if (env.isTypeNameIntrospectionField() || isIntrospection(env)) {
						return;
					}
					if (env.getField().getAlias() != null) {
						measure.aliases++;
					}
					int depth = 1;
					for (QueryVisitorFieldEnvironment p = env.getParentEnvironment(); p != null; p = p
						.getParentEnvironment()) {
						depth++;
					}
					measure.depth = Math.max(measure.depth, depth);
					if (env.getParentEnvironment() == null) {
						measure.rootFields++;
					}
				}

			});
		int cap = this.limits.maxComplexity() + 1;
		measure.complexity = QueryComplexityCalculator.newCalculator()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.variables(context.getCoercedVariables())
			.fieldComplexityCalculator((env, children) -> cost(env, children, cap))
			.build()
			.calculate();
		return measure;
	}

	/**
	 * The cost of one field given the cost of its selections, at most {@code cap} (any
	 * cost above the limit is refused alike, and capping keeps the sums in an int).
	 */
	static int cost(FieldComplexityEnvironment env, int children, int cap) {
		if (isIntrospection(env)) {
			return 0;
		}
		FieldComplexityEnvironment parent = env.getParentEnvironment();
		if (parent != null && isGraph(parent)) {
			// a drawable graph's nodes and edges come with all their fields: each field
			// of
			// the graph counts once, as many times as the graph may hold nodes
			return 1;
		}
		for (FieldComplexityEnvironment e = parent; e != null; e = e.getParentEnvironment()) {
			if (isGraph(e)) {
				return 0;
			}
		}
		long cost = isGraph(env) ? 1 + (long) children * graphSize(env.getField().getName(), env.getArguments())
				: 1 + (long) children * pageSize(env.getFieldDefinition(), env.getArguments());
		return (int) Math.min(cost, cap);
	}

	private static boolean isIntrospection(QueryVisitorFieldEnvironment env) {
		for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			if (e.getField().getName().startsWith("__")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isIntrospection(FieldComplexityEnvironment env) {
		for (FieldComplexityEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			if (e.getField().getName().startsWith("__")) {
				return true;
			}
		}
		return false;
	}

	private static String typeName(GraphQLFieldDefinition definition) {
		return ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType())).getName();
	}

	private static boolean isGraph(FieldComplexityEnvironment env) {
		return typeName(env.getFieldDefinition()).equals("Graph");
	}

	private static long pageSize(GraphQLFieldDefinition definition, Map<String, Object> arguments) {
		String type = typeName(definition);
		if (!type.endsWith("Connection") && !type.equals("SearchHit")) {
			return 1;
		}
		return argument(arguments, "first", PageRequest.DEFAULT_FIRST, 1, PageRequest.MAX_FIRST);
	}

	/**
	 * How many nodes a drawable graph may hold: a neighbourhood up to its {@code limit}
	 * (one node at depth 0), a path one more than its {@code maxLength}.
	 */
	private static long graphSize(String field, Map<String, Object> arguments) {
		if (field.equals("shortestPath")) {
			return 1 + argument(arguments, "maxLength", 6, 1, 10);
		}
		if (argument(arguments, "depth", 1, 0, 3) == 0) {
			return 1;
		}
		return argument(arguments, "limit", 200, 1, 1000);
	}

	private static long argument(Map<String, Object> arguments, String name, long absent, long min, long max) {
		Object value = arguments.get(name);
		long given = (value instanceof Number number) ? number.longValue() : absent;
		return Math.max(min, Math.min(given, max));
	}

	/**
	 * What a document's measures depend on.
	 *
	 * @param document the document's text
	 * @param operation the operation's name, or null for the only one
	 * @param variables the coerced values of the operation's {@code Int} and
	 * {@code Boolean} variables
	 */
	private record MeasureKey(String document, @Nullable String operation, Map<String, @Nullable Object> variables) {

		static MeasureKey of(ExecutionContext context) {
			Map<String, @Nullable Object> variables = new HashMap<>();
			Map<String, ?> coerced = context.getCoercedVariables().toMap();
			for (VariableDefinition definition : context.getOperationDefinition().getVariableDefinitions()) {
				Type<?> type = definition.getType();
				if (type instanceof NonNullType nonNull) {
					type = nonNull.getType();
				}
				if (type instanceof TypeName name
						&& (name.getName().equals("Int") || name.getName().equals("Boolean"))) {
					variables.put(definition.getName(), coerced.get(definition.getName()));
				}
			}
			return new MeasureKey(context.getExecutionInput().getQuery(),
					context.getExecutionInput().getOperationName(), variables);
		}

	}

	private static final class Measure {

		long depth;

		long complexity;

		long aliases;

		long rootFields;

	}

}
