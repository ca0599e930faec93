package org.clustergraph.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.clustergraph.api.ApiProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Keeps the encoded response of a request that asks only analysis queries, per graph
 * version. Their answers are kept already ({@link AnalysisAnswers}), but on a large graph
 * one is tens of thousands of objects (every prefecture with every program that lists a
 * cluster there; every pair of programs), and executing and encoding that list again on
 * every request cost 13 ms of CPU for {@code regionsInMultiplePrograms} and 0.5 s for
 * every pair of {@code programOverlap} at x1000. The graph changes only when a load
 * switches versions and the API reads nothing else (no clock, no caller), so the same
 * document with the same variables on the same version has the same response: the first
 * one that has no error is encoded once and its bytes are written for the next.
 * <p>
 * Kept: documents whose one operation is a query asking nothing but the analysis fields
 * at its root (what they select below is read from the same version). The key is the
 * graph's version (read before the request, and again after it, so that a response read
 * across a switch is not kept), the document, the operation name and the variables. At
 * most {@link #BUDGET} bytes of responses are kept, the least recently used dropped
 * first; a response larger than a quarter of that is never kept.
 */
@Component
class KeptResponses implements WebGraphQlInterceptor {

	/** The root fields of a document whose responses are kept. */
	static final Set<String> FIELDS = Set.of("regionsInMultiplePrograms", "industrySpread", "programOverlap",
			"__typename");

	/**
	 * The most bytes of encoded responses kept (each counted as its text and its UTF-8):
	 * an eighth of the heap, at most 96 MiB, so that responses a client varies to fill it
	 * never crowd out the work of the requests.
	 */
	static final long BUDGET = Math.min(96L << 20, Runtime.getRuntime().maxMemory() / 8);

	/** How many documents' verdicts (analysis only or not) are remembered. */
	static final int DOCUMENTS = 500;

	private final AnalysisAnswers answers;

	private final JsonMapper json;

	private final ParserOptions parserOptions;

	private final Map<String, Boolean> verdicts = new LinkedHashMap<>(DOCUMENTS, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > DOCUMENTS;
		}
	};

	private final LinkedHashMap<Key, Encoded> kept = new LinkedHashMap<>(16, 0.75f, true);

	private long keptBytes;

	KeptResponses(AnalysisAnswers answers, JsonMapper json, ApiProperties limits) {
		this.answers = answers;
		this.json = json;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxCharacters(limits.maxCharacters()).maxTokens(limits.maxTokens()));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!analysisOnly(request.getDocument(), request.getOperationName())) {
			return chain.next(request);
		}
		String version = version();
		if (version == null) {
			return chain.next(request);
		}
		Key key = new Key(version, request.getDocument(), request.getOperationName(), request.getVariables());
		Encoded hit;
		synchronized (this.kept) {
			hit = this.kept.get(key);
		}
		if (hit != null) {
			return Mono.just(hit.response(request));
		}
		return chain.next(request).map((response) -> keep(key, request, response));
	}

	private WebGraphQlResponse keep(Key key, WebGraphQlRequest request, WebGraphQlResponse response) {
		if (!response.isValid() || !response.getErrors().isEmpty() || !key.version().equals(version())) {
			return response;
		}
		Encoded encoded = new Encoded(
				new SerializedString(this.json.writeValueAsString(response.getExecutionResult().toSpecification())));
		long size = encoded.size();
		if (size > BUDGET / 4) {
			// written from the bytes at hand, but not kept
			return encoded.response(request);
		}
		synchronized (this.kept) {
			Encoded previous = this.kept.put(key, encoded);
			this.keptBytes += size - ((previous != null) ? previous.size() : 0);
			var eldest = this.kept.entrySet().iterator();
			while (this.keptBytes > BUDGET && eldest.hasNext()) {
				this.keptBytes -= eldest.next().getValue().size();
				eldest.remove();
			}
		}
		return encoded.response(request);
	}

	/**
	 * The graph's version, or null when it cannot be read (no graph, or the database out
	 * of reach): then nothing is kept or served from what is, and the request meets the
	 * outage as every other does.
	 */
	private @Nullable String version() {
		try {
			return this.answers.version();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Whether a document's operation asks only the analysis fields at its root. Documents
	 * that do not parse, or name no single query, are not kept; the request reports them.
	 * @param document the request's document
	 * @param operationName the operation it names, or null
	 * @return true when its response may be kept
	 */
	boolean analysisOnly(String document, @Nullable String operationName) {
		String key = (operationName != null) ? operationName + '\n' + document : document;
		Boolean verdict;
		synchronized (this.verdicts) {
			verdict = this.verdicts.get(key);
		}
		if (verdict == null) {
			verdict = judge(document, operationName);
			synchronized (this.verdicts) {
				this.verdicts.put(key, verdict);
			}
		}
		return verdict;
	}

	private boolean judge(String document, @Nullable String operationName) {
		Document parsed;
		try {
			parsed = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(document)
				.parserOptions(this.parserOptions)
				.build());
		}
		catch (InvalidSyntaxException ex) {
			return false;
		}
		OperationDefinition operation = null;
		for (Definition<?> definition : parsed.getDefinitions()) {
			if (definition instanceof OperationDefinition candidate
					&& (operationName == null || operationName.equals(candidate.getName()))) {
				if (operation != null) {
					return false;
				}
				operation = candidate;
			}
		}
		if (operation == null || operation.getOperation() != OperationDefinition.Operation.QUERY) {
			return false;
		}
		List<Selection> roots = operation.getSelectionSet().getSelections();
		return !roots.isEmpty()
				&& roots.stream().allMatch((root) -> root instanceof Field field && FIELDS.contains(field.getName()));
	}

	/**
	 * How many responses are kept.
	 * @return their number
	 */
	int keptResponses() {
		synchronized (this.kept) {
			return this.kept.size();
		}
	}

	/** What identifies a response: the graph's version and the whole request. */
	private record Key(String version, String document, @Nullable String operationName, Map<String, Object> variables) {
	}

	/**
	 * A response encoded once, written again as it is.
	 *
	 * @param json the response's JSON, whose UTF-8 form the string keeps too
	 */
	private record Encoded(SerializedString json) {

		Encoded {
			json.asUnquotedUTF8();
		}

		long size() {
			return 2L * this.json.charLength() + this.json.asUnquotedUTF8().length;
		}

		WebGraphQlResponse response(WebGraphQlRequest request) {
			return new WebGraphQlResponse(
					new DefaultExecutionGraphQlResponse(request.toExecutionInput(), new KeptResult(this.json)));
		}

	}

	/**
	 * A successful result whose specification map writes the kept JSON as it is.
	 *
	 * @param json the encoded response
	 */
	private record KeptResult(SerializedString json) implements ExecutionResult {

		@Override
		public List<GraphQLError> getErrors() {
			return List.of();
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> @Nullable T getData() {
			return null;
		}

		@Override
		public boolean isDataPresent() {
			return true;
		}

		@Override
		public @Nullable Map<Object, Object> getExtensions() {
			return null;
		}

		@Override
		public Map<String, Object> toSpecification() {
			return new RawJson(this.json);
		}

	}

	/**
	 * The map a response is written from, holding the response already encoded: its
	 * serializer writes the bytes as they are instead of the entries.
	 */
	@JsonSerialize(using = RawJson.Writer.class)
	static final class RawJson extends java.util.AbstractMap<String, Object> {

		private final SerializedString json;

		RawJson(SerializedString json) {
			this.json = json;
		}

		@Override
		public Set<Map.Entry<String, Object>> entrySet() {
			// for anything that reads it as a map instead of writing it
			return Set.of(Map.entry("json", this.json.getValue()));
		}

		static final class Writer extends ValueSerializer<RawJson> {

			@Override
			public void serialize(RawJson value, JsonGenerator generator, SerializationContext context) {
				generator.writeRawValue(value.json);
			}

		}

	}

}
