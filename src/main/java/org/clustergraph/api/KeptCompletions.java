package org.clustergraph.api;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategy;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Keeps the completed answer of a page that is the same for every request at one version
 * of the graph, per selection, and answers it again without completing its fields.
 * <p>
 * A page of a hundred clusters, each with its id, name and provinces, is some fifteen
 * hundred fields for graphql-java to fetch, instrument and complete, and as many values
 * for Jackson to encode: most of a two-hop lookup's time once the page itself is kept
 * ({@code IndustryPages}). At a thousand times the seeds an industry's first page is
 * asked by every lookup that starts from any of its clusters. A data fetcher that returns
 * such a page {@linkplain #mark marks} it with the version of the graph it was read from
 * and its key. The query strategy then keeps what completing the page's field gave, as
 * the JSON a response holds for it, under that version and key, the selection under the
 * field (printed once per parsed document, with the fragments it spreads) and the values
 * of the variables that selection reads. The next request that completes a page with the
 * same key by the same selection is given the kept answer, which the response's encoder
 * writes as it is. Keys hold text, not documents: a client sending ever new documents
 * fills the bound, not the heap.
 * <p>
 * The API reads nothing but the graph (no clock, no caller), so the same selection of the
 * same page at the same version has the same answer. Kept is only an answer completed
 * without an error under it, nor while the request holds an error with no path. Answers
 * of other versions are dropped when one of a new version is kept; at most {@link #BYTES}
 * bytes (estimated) are kept, the least recently used dropped first, a thirty-second of
 * the heap. Nothing is kept with {@code clustergraph.api.keep-completions=false}.
 * <p>
 * A kept answer is placed in the response as one value: the fields under it are neither
 * fetched nor observed ({@code graphql.datafetcher}) again, and graphql-java's count of
 * objects per level for its data loaders does not wait for them.
 */
@Component
public class KeptCompletions implements GraphQlSourceBuilderCustomizer {

	/** The most bytes (estimated) the kept answers hold: a thirty-second of the heap. */
	static final long BYTES = Runtime.getRuntime().maxMemory() / 32;

	private static final String KEY = KeptCompletions.class.getName();

	private final ObjectProvider<DataFetcherExceptionResolver> resolvers;

	private final JsonMapper json;

	private final boolean enabled;

	private final long bound;

	/** Guarded by itself, with {@link #bytes} and {@link #version}. */
	private final LinkedHashMap<Key, Answer> kept = new LinkedHashMap<>(64, 0.75f, true);

	/**
	 * The selections under fields of the parsed documents, by field: a document no longer
	 * used is not held.
	 */
	private final Map<Field, Selected> selections = Collections.synchronizedMap(new WeakHashMap<>());

	private long bytes;

	private @Nullable String version;

	@Autowired
	KeptCompletions(ObjectProvider<DataFetcherExceptionResolver> resolvers, JsonMapper json,
			@Value("${clustergraph.api.keep-completions:true}") boolean enabled) {
		this(resolvers, json, enabled, BYTES);
	}

	KeptCompletions(ObjectProvider<DataFetcherExceptionResolver> resolvers, JsonMapper json, boolean enabled,
			long bound) {
		this.resolvers = resolvers;
		this.json = json;
		this.enabled = enabled;
		this.bound = bound;
	}

	/**
	 * Marks a value a data fetcher returns as the same for every request at a version of
	 * the graph with the same key.
	 * @param context the request's context
	 * @param value the value, as returned (its identity is what is marked)
	 * @param version the version of the graph the value was read from
	 * @param key what, with the version, determines the value (an industry's page and its
	 * arguments, say); its {@code equals} must tell values apart
	 */
	public static void mark(GraphQLContext context, Object value, String version, Object key) {
		context.<Map<Object, Marked>>computeIfAbsent(KEY, (k) -> Collections.synchronizedMap(new IdentityHashMap<>()))
			.put(value, new Marked(version, key));
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		if (this.enabled) {
			// the handler graphql-java's default strategy is given: Spring Boot's builder
			// makes it from the same resolvers, in the same order
			DataFetcherExceptionHandler handler = DataFetcherExceptionResolver
				.createExceptionHandler(this.resolvers.orderedStream().toList());
			builder.configureGraphQl((graphQl) -> graphQl.queryExecutionStrategy(strategy(handler)));
		}
	}

	/**
	 * The query strategy that keeps and gives the answers.
	 * @param handler what makes errors of a data fetcher's exceptions
	 * @return the strategy
	 */
	ExecutionStrategy strategy(DataFetcherExceptionHandler handler) {
		return new Strategy(handler);
	}

	/**
	 * How many answers are kept.
	 * @return their number
	 */
	int size() {
		synchronized (this.kept) {
			return this.kept.size();
		}
	}

	/**
	 * The bytes the kept answers hold, as estimated.
	 * @return the estimate
	 */
	long bytes() {
		synchronized (this.kept) {
			return this.bytes;
		}
	}

	/** Forgets every kept answer. */
	void forget() {
		synchronized (this.kept) {
			this.kept.clear();
			this.bytes = 0;
			this.version = null;
		}
	}

	private @Nullable Answer get(Key key) {
		synchronized (this.kept) {
			return this.kept.get(key);
		}
	}

	private void put(Key key, Map<?, ?> completed) {
		// the text of the answer and of its key (the selection, the variables' values),
		// at two bytes a character: a key is as large as a client makes it
		String json = this.json.writeValueAsString(completed);
		long text = json.length() + key.selection().length() + key.variables().toString().length();
		Answer answer = new Answer(json, 2 * text + 128);
		synchronized (this.kept) {
			if (!key.version().equals(this.version)) {
				// an answer of another version: the others' are asked no more
				this.kept.clear();
				this.bytes = 0;
				this.version = key.version();
			}
			if (answer.bytes() > this.bound) {
				return;
			}
			Answer before = this.kept.put(key, answer);
			this.bytes += answer.bytes() - ((before != null) ? before.bytes() : 0);
			Iterator<Answer> eldest = this.kept.values().iterator();
			while (this.bytes > this.bound && eldest.hasNext()) {
				this.bytes -= eldest.next().bytes();
				eldest.remove();
			}
		}
	}

	/**
	 * The selection under a field, as text, with the names of the variables it reads;
	 * made once for each field of a parsed document.
	 */
	private Selected selected(ExecutionContext context, MergedField field) {
		if (field.getFieldsCount() != 1) {
			return select(context, field.getFields());
		}
		Field one = field.getSingleField();
		Selected selected = this.selections.get(one);
		if (selected == null) {
			selected = select(context, List.of(one));
			this.selections.put(one, selected);
		}
		return selected;
	}

	/**
	 * The fields' selections and the fragments they spread, printed, and the names of the
	 * variables they read in arguments and directives.
	 */
	private static Selected select(ExecutionContext context, List<Field> fields) {
		Set<String> names = new TreeSet<>();
		Set<String> fragments = new TreeSet<>();
		StringBuilder text = new StringBuilder();
		for (Field one : fields) {
			variables(context, one.getSelectionSet(), names, fragments);
			if (one.getSelectionSet() != null) {
				text.append(AstPrinter.printAstCompact(one.getSelectionSet()));
			}
		}
		for (String fragment : fragments) {
			text.append(' ').append(AstPrinter.printAstCompact(context.getFragment(fragment)));
		}
		return new Selected(text.toString(), List.copyOf(names));
	}

	private static void variables(ExecutionContext context, @Nullable SelectionSet selections, Set<String> names,
			Set<String> fragments) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			switch (selection) {
				case Field field -> {
					field.getArguments().forEach((argument) -> variables(argument.getValue(), names));
					directives(field.getDirectives(), names);
					variables(context, field.getSelectionSet(), names, fragments);
				}
				case InlineFragment inline -> {
					directives(inline.getDirectives(), names);
					variables(context, inline.getSelectionSet(), names, fragments);
				}
				case FragmentSpread spread -> {
					directives(spread.getDirectives(), names);
					FragmentDefinition definition = context.getFragment(spread.getName());
					if (definition != null && fragments.add(spread.getName())) {
						directives(definition.getDirectives(), names);
						variables(context, definition.getSelectionSet(), names, fragments);
					}
				}
				default -> throw new IllegalStateException("a selection of an unknown kind: " + selection);
			}
		}
	}

	private static void directives(List<Directive> directives, Set<String> names) {
		for (Directive directive : directives) {
			for (Argument argument : directive.getArguments()) {
				variables(argument.getValue(), names);
			}
		}
	}

	private static void variables(graphql.language.Value<?> value, Set<String> names) {
		switch (value) {
			case VariableReference reference -> names.add(reference.getName());
			case ArrayValue array -> array.getValues().forEach((item) -> variables(item, names));
			case ObjectValue object -> {
				for (ObjectField field : object.getObjectFields()) {
					variables(field.getValue(), names);
				}
			}
			default -> {
			}
		}
	}

	/**
	 * What a kept answer is kept by: the version and key of the value completed, the
	 * selection under its field as text and the values of the variables that selection
	 * reads.
	 */
	private record Key(String version, Object page, String selection, Map<String, @Nullable Object> variables) {
	}

	/**
	 * The selection under a field.
	 *
	 * @param text its fields and the fragments they spread, printed
	 * @param variables the names of the variables they read
	 */
	private record Selected(String text, List<String> variables) {
	}

	/** A value a data fetcher marked. */
	private record Marked(String version, Object key) {
	}

	/**
	 * A kept answer: a completed object as the JSON text a response holds for it. A
	 * response's encoder writes the text as it is; read as a map in the process (a test,
	 * say), it is parsed again on every reading.
	 */
	@JsonSerialize(using = Answer.Raw.class)
	public static final class Answer extends AbstractMap<String, @Nullable Object> {

		private static final JsonMapper READER = JsonMapper.builder().build();

		private final String json;

		private final long bytes;

		Answer(String json, long bytes) {
			this.json = json;
			this.bytes = bytes;
		}

		long bytes() {
			return this.bytes;
		}

		@Override
		public Set<Map.Entry<String, @Nullable Object>> entrySet() {
			Map<String, @Nullable Object> read = READER.readValue(this.json, new TypeReference<>() {
			});
			return Collections.unmodifiableMap(read).entrySet();
		}

		/** Writes an answer's text into the response as it is. */
		public static final class Raw extends ValueSerializer<Answer> {

			@Override
			public void serialize(Answer answer, JsonGenerator generator, SerializationContext context) {
				generator.writeRawValue(answer.json);
			}

		}

	}

	/**
	 * The query strategy: graphql-java's default, but a marked value whose answer is kept
	 * is not completed again.
	 */
	private final class Strategy extends AsyncExecutionStrategy {

		Strategy(DataFetcherExceptionHandler handler) {
			super(handler);
		}

		@Override
		protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
			Object value = parameters.getSource();
			Marked marked = (value instanceof Connection<?>) ? marked(context, value) : null;
			if (marked == null || context.hasIncrementalSupport()) {
				return super.completeValue(context, parameters);
			}
			Selected selected = selected(context, parameters.getField());
			Map<String, @Nullable Object> variables = new TreeMap<>();
			for (String name : selected.variables()) {
				variables.put(name, context.getCoercedVariables().get(name));
			}
			Key key = new Key(marked.version(), marked.key(), selected.text(), Collections.unmodifiableMap(variables));
			Answer kept = get(key);
			if (kept != null) {
				// one value, as a scalar's is: nothing under it is fetched or counted
				return new FieldValueInfo(FieldValueInfo.CompleteValueType.SCALAR, kept);
			}
			FieldValueInfo completed = super.completeValue(context, parameters);
			if (completed.isFutureValue()) {
				completed.getFieldValueFuture().whenComplete((result, failure) -> {
					if (failure == null) {
						keep(context, parameters, key, result);
					}
				});
			}
			else {
				keep(context, parameters, key, completed.getFieldValueObject());
			}
			return completed;
		}

		private void keep(ExecutionContext context, ExecutionStrategyParameters parameters, Key key,
				@Nullable Object completed) {
			// an error under the page left a field null or bubbled up: not kept
			if (completed instanceof Map<?, ?> map && !failedUnder(context, parameters.getPath().toList())) {
				put(key, map);
			}
		}

		private static boolean failedUnder(ExecutionContext context, List<Object> path) {
			for (GraphQLError error : context.getErrors()) {
				List<Object> at = error.getPath();
				if (at == null || (at.size() >= path.size() && at.subList(0, path.size()).equals(path))) {
					return true;
				}
			}
			return false;
		}

		private static @Nullable Marked marked(ExecutionContext context, Object value) {
			Map<Object, Marked> marks = context.getGraphQLContext().get(KEY);
			return (marks != null) ? marks.get(value) : null;
		}

	}

}
