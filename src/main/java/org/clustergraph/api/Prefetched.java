package org.clustergraph.api;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;

/**
 * Field values that a data fetcher read together with the object it returns, so that the
 * object's fields answer without another statement.
 *
 * <p>
 * A lookup's statement may read a cluster with its regions and industries in one go. It
 * {@linkplain #put records} those lists for the very object it returns (by identity, for
 * this request only); the fields {@linkplain #answering named} here answer with a
 * recorded value when there is one and ask their own data fetcher (a batch loader)
 * otherwise. Answering directly also skips the batch loader's machinery, which costs a
 * lookup about a sixth of its time on the request thread.
 * <p>
 * A recorded value is given the way a property of the object is: the field's data fetcher
 * is replaced, for that one object, by one that returns the value, after every other
 * instrumentation has wrapped it. So such a field is neither timed as a fetch
 * ({@code graphql.datafetcher}, whose timers keep to the fields that read) nor run
 * through Spring's context propagation, which it needs no more than a property does. A
 * page of a hundred clusters with their provinces would otherwise have started and
 * stopped a hundred observations to hand over lists already in memory.
 */
public final class Prefetched {

	private static final String KEY = Prefetched.class.getName();

	private Prefetched() {
	}

	/**
	 * Records a field's value for an object that a data fetcher is about to return.
	 * @param context the request's context
	 * @param source the object, as returned (its identity is the key)
	 * @param field the field's name
	 * @param value the field's value
	 */
	public static void put(GraphQLContext context, Object source, String field, Object value) {
		context
			.<Map<Object, Map<String, Object>>>computeIfAbsent(KEY,
					(k) -> Collections.synchronizedMap(new IdentityHashMap<>()))
			.computeIfAbsent(source, (s) -> new ConcurrentHashMap<>())
			.put(field, value);
	}

	/**
	 * Makes the given fields of a type answer from recorded values first.
	 * @param type the object type's name
	 * @param fields its fields that a parent's statement may have read
	 * @return the customizer that adds the instrumentation answering them, last of all
	 */
	public static GraphQlSourceBuilderCustomizer answering(String type, String... fields) {
		// the builder adds the instrumentations of customizers after those of beans:
		// this one is given the data fetcher as the others (observations) wrapped it
		Recorded recorded = new Recorded(type, Set.of(fields));
		return (builder) -> builder.instrumentation(List.of(recorded));
	}

	/**
	 * The value recorded for a field of an object.
	 * @param context the request's context
	 * @param source the object (its identity is the key)
	 * @param field the field's name
	 * @return the value, or null when none was recorded
	 */
	public static @Nullable Object get(GraphQLContext context, @Nullable Object source, String field) {
		Map<Object, Map<String, Object>> recorded = context.get(KEY);
		if (recorded == null || source == null) {
			return null;
		}
		Map<String, Object> values = recorded.get(source);
		return (values != null) ? values.get(field) : null;
	}

	/**
	 * Replaces the data fetcher of a named field by its recorded value, when the object
	 * has one.
	 */
	private static final class Recorded extends SimplePerformantInstrumentation {

		private final String type;

		private final Set<String> fields;

		Recorded(String type, Set<String> fields) {
			this.type = type;
			this.fields = fields;
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, @Nullable InstrumentationState state) {
			// a property's fetcher never answers one of these fields, and asking for its
			// environment would build one that graphql-java skips for it
			if (parameters.isTrivialDataFetcher()) {
				return dataFetcher;
			}
			DataFetchingEnvironment environment = parameters.getEnvironment();
			if (!(environment.getParentType() instanceof GraphQLNamedType parent) || !parent.getName().equals(this.type)
					|| !this.fields.contains(environment.getField().getName())) {
				return dataFetcher;
			}
			Object value = get(environment.getGraphQlContext(), environment.getSource(),
					environment.getField().getName());
			return (value != null) ? (DataFetcher<Object>) (env) -> value : dataFetcher;
		}

	}

}
