package org.clustergraph.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
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
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Refuses an operation before any of it runs when it is deeper, costlier, more aliased or
 * wider at its root than {@link ApiProperties} allows. The cost of a field is one plus
 * the cost of its selections, times the page size ({@code first}, 20 when not given)
 * under a connection or a search, so a page of pages is priced as what it would fetch. A
 * drawable graph costs one plus, for each field selected of it, the nodes it may hold
 * ({@code limit} of a neighbourhood, one more than {@code maxLength} of a path).
 * Introspection is not counted: GraphiQL's schema query is deep but cheap. Rejections are
 * validation errors, as graphql-java classifies its own limits.
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
			measure = measure(QueryTraverser.newQueryTraverser()
				.schema(context.getGraphQLSchema())
				.document(context.getDocument())
				.operationName(context.getExecutionInput().getOperationName())
				.coercedVariables(context.getCoercedVariables())
				.build());
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

	private static Measure measure(QueryTraverser traverser) {
		Measure measure = new Measure();
		Map<QueryVisitorFieldEnvironment, Long> childCost = new HashMap<>();
		Map<QueryVisitorFieldEnvironment, Long> childCount = new HashMap<>();
		traverser.visitPostOrder(new QueryVisitorStub() {

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
				// A drawable graph's nodes and edges come with all their fields: each
				// counts once, as many times as the graph may hold nodes.
				long cost = isGraph(env) ? 1 + childCount.getOrDefault(env, 0L) * graphSize(env)
						: 1 + childCost.getOrDefault(env, 0L) * pageSize(env);
				QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
				if (parent == null) {
					measure.rootFields++;
					measure.complexity += cost;
				}
				else {
					childCost.merge(parent, cost, Long::sum);
					childCount.merge(parent, 1L, Long::sum);
				}
			}

		});
		return measure;
	}

	private static boolean isIntrospection(QueryVisitorFieldEnvironment env) {
		for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			if (e.getField().getName().startsWith("__")) {
				return true;
			}
		}
		return false;
	}

	private static String typeName(QueryVisitorFieldEnvironment env) {
		return ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType())).getName();
	}

	private static boolean isGraph(QueryVisitorFieldEnvironment env) {
		return typeName(env).equals("Graph");
	}

	private static long pageSize(QueryVisitorFieldEnvironment env) {
		String type = typeName(env);
		if (!type.endsWith("Connection") && !type.equals("SearchHit")) {
			return 1;
		}
		return argument(env, "first", PageRequest.DEFAULT_FIRST, 1, PageRequest.MAX_FIRST);
	}

	/**
	 * How many nodes a drawable graph may hold: a neighbourhood up to its {@code limit}
	 * (one node at depth 0), a path one more than its {@code maxLength}.
	 */
	private static long graphSize(QueryVisitorFieldEnvironment env) {
		if (env.getField().getName().equals("shortestPath")) {
			return 1 + argument(env, "maxLength", 6, 1, 10);
		}
		if (argument(env, "depth", 1, 0, 3) == 0) {
			return 1;
		}
		return argument(env, "limit", 200, 1, 1000);
	}

	private static long argument(QueryVisitorFieldEnvironment env, String name, long absent, long min, long max) {
		Object value = env.getArguments().get(name);
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
