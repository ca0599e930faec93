package org.clustergraph.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
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
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Refuses an operation before any of it runs when it is deeper, costlier, more aliased or
 * wider at its root than {@link ApiProperties} allows. It measures graphql-java's
 * normalized operation, in which every fragment is expanded where it is spread and
 * aliases are fields of their own, so a fragment spread many times costs what it would
 * fetch each time. A field costs one plus the cost of its selections, times the page size
 * ({@code first}, 20 when not given) under a connection, a search or any field that takes
 * {@code first}, so a page of pages is priced as what it would fetch; a drawable graph
 * costs one plus, for each field selected of it, the nodes it may hold ({@code limit} of
 * a neighbourhood, one more than {@code maxLength} of a path); a facet whose groups open
 * a connection, a search or a graph is priced as if it had {@link #FACET_GROUPS} groups.
 * Introspection is not counted: GraphiQL's schema query is deep but cheap. Rejections are
 * validation errors, as graphql-java classifies its own limits.
 *
 * <p>
 * graphql-java's {@code MaxQueryDepthInstrumentation},
 * {@code MaxQueryComplexityInstrumentation} and {@code QueryComplexityCalculator} are not
 * used: their traversal visits a fragment's fields only where it is first spread, so a
 * fragment spread again elsewhere ran unpriced and unmeasured; they walk the document on
 * every request; and nothing in graphql-java bounds aliases or the fields at the root.
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

	/**
	 * The most fields a document may expand to once every fragment is spread where it is
	 * spread; far above what the cost limit lets run, so only a fragment bomb meets it.
	 */
	static final int MAX_FIELDS = 50_000;

	/**
	 * How deep the normalized operation is built before giving up: far deeper than the
	 * depth limit, so that a deep query is measured and refused for its depth, in words
	 * that name the limit.
	 */
	static final int MAX_NORMALIZED_DEPTH = 1_000;

	/**
	 * The groups a facet is priced at when each group opens a connection, a search or a
	 * graph: more than any facet of the seed graph has, so that such a query pays for
	 * what it could fetch.
	 */
	static final long FACET_GROUPS = 1_000;

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
		if (measure.expandsBeyond) {
			check(errors, MAX_FIELDS + 1L, MAX_FIELDS,
					"expands, once its fragments are spread, to more than %2$d fields; spread fewer fragments");
		}
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
		ExecutableNormalizedOperation operation;
		try {
			operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
					context.getGraphQLSchema(), context.getDocument(), context.getExecutionInput().getOperationName(),
					context.getCoercedVariables(),
					ExecutableNormalizedOperationFactory.Options.defaultOptions()
						.maxFieldsCount(MAX_FIELDS)
						.maxChildrenDepth(MAX_NORMALIZED_DEPTH));
		}
		catch (AbortExecutionException ex) {
			// fragments spread into one another can multiply a short document into more
			// fields, or deeper, than anything the limits below would let through
			Measure measure = new Measure();
			measure.expandsBeyond = true;
			return measure;
		}
		Measure measure = new Measure();
		long cap = this.limits.maxComplexity() + 1L;
		for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
			if (field.getName().startsWith("__")) {
				continue;
			}
			measure.rootFields++;
			measure.complexity = Math.min(cap,
					measure.complexity + cost(field, context.getGraphQLSchema(), measure, cap));
		}
		return measure;
	}

	/**
	 * The cost of a field of the normalized operation (every fragment spread expanded
	 * where it is spread), counting its depth and aliases into the measure on the way:
	 * one plus the cost of its selections, times the page size under a connection or a
	 * search; a drawable graph one plus, for each field selected of it, the nodes it may
	 * hold; a facet whose groups open a connection or a graph, as if it had
	 * {@link #FACET_GROUPS} groups. Introspection costs nothing.
	 */
	static long cost(ExecutableNormalizedField field, GraphQLSchema schema, Measure measure, long cap) {
		if (field.getName().startsWith("__")) {
			return 0;
		}
		measure.depth = Math.max(measure.depth, field.getLevel());
		if (field.getAlias() != null) {
			measure.aliases++;
		}
		String type = typeName(field.getTypes(schema).get(0));
		long children = 0;
		for (ExecutableNormalizedField child : field.getChildren()) {
			children = Math.min(cap, children + cost(child, schema, measure, cap));
		}
		long cost;
		if (type.equals("Graph")) {
			long selected = field.getChildren().stream().filter((c) -> !c.getName().startsWith("__")).count();
			cost = 1 + selected * graphSize(field.getName(), field.getResolvedArguments());
		}
		else if (type.equals("FacetCount") && opensPages(field, schema)) {
			cost = 1 + children * FACET_GROUPS;
		}
		else {
			cost = 1 + children * pageSize(type, field.getResolvedArguments());
		}
		return Math.min(cap, cost);
	}

	/** Whether a connection, a search or a graph lies anywhere under a field. */
	private static boolean opensPages(ExecutableNormalizedField field, GraphQLSchema schema) {
		for (ExecutableNormalizedField child : field.getChildren()) {
			String type = typeName(child.getTypes(schema).get(0));
			if (isPaged(type) || type.equals("Graph") || opensPages(child, schema)) {
				return true;
			}
		}
		return false;
	}

	private static String typeName(GraphQLOutputType type) {
		return ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type)).getName();
	}

	/** Whether a field of this type returns a page: a connection or a search. */
	private static boolean isPaged(String type) {
		return type.endsWith("Connection") || type.equals("SearchHit");
	}

	private static long pageSize(String type, Map<String, Object> arguments) {
		if (!isPaged(type) && !arguments.containsKey("first")) {
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

	static final class Measure {

		boolean expandsBeyond;

		long depth;

		long complexity;

		long aliases;

		long rootFields;

	}

}
