package org.clustergraph.api;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;

/**
 * Field values that a data fetcher read together with the object it returns, so that the
 * object's fields answer without another statement.
 *
 * <p>
 * A lookup's statement may read a cluster with its regions and industries in one go. It
 * {@linkplain #put records} those lists for the very object it returns (by identity, for
 * this request only); the fields {@linkplain #answering wrapped} here give a recorded
 * value when there is one and ask their own data fetcher (a batch loader) otherwise.
 * Answering directly also skips the batch loader's machinery, which costs a lookup about
 * a sixth of its time on the request thread.
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
	 * @return the customizer that wraps their data fetchers
	 */
	public static GraphQlSourceBuilderCustomizer answering(String type, String... fields) {
		Set<String> names = Set.of(fields);
		return (builder) -> builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {

			@Override
			public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
					TraverserContext<GraphQLSchemaElement> context) {
				if (context.getParentNode() instanceof GraphQLFieldsContainer parent && parent.getName().equals(type)
						&& names.contains(field.getName())) {
					GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
					FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field.getName());
					registry.dataFetcher(coordinates,
							new RecordedFirst(field.getName(), registry.getDataFetcher(coordinates, field)));
				}
				return TraversalControl.CONTINUE;
			}

		}));
	}

	/** A field's data fetcher behind a look at the recorded values. */
	private record RecordedFirst(String field, DataFetcher<?> delegate) implements DataFetcher<Object> {

		@Override
		public Object get(DataFetchingEnvironment environment) throws Exception {
			Map<Object, Map<String, Object>> recorded = environment.getGraphQlContext().get(KEY);
			if (recorded != null) {
				Map<String, Object> values = recorded.get(environment.getSource());
				if (values != null && values.containsKey(this.field)) {
					return values.get(this.field);
				}
			}
			return this.delegate.get(environment);
		}

	}

}
