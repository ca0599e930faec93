package org.clustergraph.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
import tools.jackson.core.SerializableString;
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
 * Kept: requests whose operation (the one the document holds, or the one named) is a
 * query asking nothing but the analysis fields at its root (what they select below is
 * read from the same version). The key is the graph's version (read before the request,
 * and again after it, so that a response read across a switch is not kept) and a SHA-256
 * digest of the document, the operation name and the variables, so that what a client
 * sends costs the cache 64 characters whatever its length. At most {@link #BUDGET} bytes
 * of responses and {@link #ENTRIES} responses are kept, the least recently used dropped
 * first, and the responses of other versions as soon as one of a new version is kept; a
 * response larger than a quarter of the budget is not kept.
 */
@Component
class KeptResponses implements WebGraphQlInterceptor {

	private static final String TYPENAME = "__typename";

	/** The root fields of a document whose responses are kept. */
	static final Set<String> FIELDS = Set.of("regionsInMultiplePrograms", "industrySpread", "programOverlap", TYPENAME);

	/**
	 * The most bytes of encoded responses kept (their UTF-8): an eighth of the heap, at
	 * most 96 MiB, so that responses a client varies to fill it never crowd out the work
	 * of the requests.
	 */
	static final long BUDGET = Math.min(96L << 20, Runtime.getRuntime().maxMemory() / 8);

	/** The most responses kept, whatever their size. */
	static final int ENTRIES = 256;

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
		Key key = new Key(version, digest(request));
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
				new RawUtf8(this.json.writeValueAsBytes(response.getExecutionResult().toSpecification())));
		long size = encoded.size();
		if (size > BUDGET / 4) {
			return response;
		}
		synchronized (this.kept) {
			// a response of a new version: the others' are asked no more
			this.kept.keySet().removeIf((kept) -> !kept.version().equals(key.version()));
			this.kept.put(key, encoded);
			long bytes = this.kept.values().stream().mapToLong(Encoded::size).sum();
			var eldest = this.kept.values().iterator();
			while ((bytes > BUDGET || this.kept.size() > ENTRIES) && eldest.hasNext()) {
				bytes -= eldest.next().size();
				eldest.remove();
			}
		}
		return encoded.response(request);
	}

	/**
	 * The digest of what identifies a request besides the graph's version.
	 * @param request the request
	 * @return a hex SHA-256 of its document, operation name and variables
	 */
	private String digest(WebGraphQlRequest request) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(request.getDocument().getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(String.valueOf(request.getOperationName()).getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(this.json.writeValueAsBytes(request.getVariables()));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
		// at least one analysis field: a request of nothing but __typename reads nothing
		// worth keeping, and must not wait for a read of the graph's version
		return roots.stream().allMatch((root) -> root instanceof Field field && FIELDS.contains(field.getName()))
				&& roots.stream().anyMatch((root) -> root instanceof Field field && !TYPENAME.equals(field.getName()));
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

	/**
	 * What identifies a response: the graph's version and the digest of the request.
	 *
	 * @param version the graph's version
	 * @param request the digest of the document, operation name and variables
	 */
	private record Key(String version, String request) {
	}

	/**
	 * A response encoded once, written again as it is.
	 *
	 * @param json the response's JSON in UTF-8
	 */
	private record Encoded(RawUtf8 json) {

		long size() {
			return this.json.asUnquotedUTF8().length;
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
	private record KeptResult(RawUtf8 json) implements ExecutionResult {

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

		private final RawUtf8 json;

		RawJson(RawUtf8 json) {
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

	/**
	 * JSON already encoded in UTF-8, which a UTF-8 generator copies as it is (the
	 * {@code Unquoted} methods); the others, for generators that write characters, decode
	 * it first.
	 */
	static final class RawUtf8 implements SerializableString {

		private final byte[] utf8;

		RawUtf8(byte[] utf8) {
			this.utf8 = utf8;
		}

		@Override
		public String getValue() {
			return new String(this.utf8, StandardCharsets.UTF_8);
		}

		@Override
		public int charLength() {
			return getValue().length();
		}

		@Override
		public byte[] asUnquotedUTF8() {
			return this.utf8;
		}

		@Override
		public int appendUnquotedUTF8(byte[] buffer, int offset) {
			if (offset + this.utf8.length > buffer.length) {
				return -1;
			}
			System.arraycopy(this.utf8, 0, buffer, offset, this.utf8.length);
			return this.utf8.length;
		}

		@Override
		public int writeUnquotedUTF8(OutputStream out) throws IOException {
			out.write(this.utf8);
			return this.utf8.length;
		}

		@Override
		public int putUnquotedUTF8(ByteBuffer buffer) {
			if (buffer.remaining() < this.utf8.length) {
				return -1;
			}
			buffer.put(this.utf8);
			return this.utf8.length;
		}

		@Override
		public int appendUnquoted(char[] buffer, int offset) {
			String value = getValue();
			if (offset + value.length() > buffer.length) {
				return -1;
			}
			value.getChars(0, value.length(), buffer, offset);
			return value.length();
		}

		@Override
		public char[] asQuotedChars() {
			return new SerializedString(getValue()).asQuotedChars();
		}

		@Override
		public byte[] asQuotedUTF8() {
			return new SerializedString(getValue()).asQuotedUTF8();
		}

		@Override
		public int appendQuotedUTF8(byte[] buffer, int offset) {
			return new SerializedString(getValue()).appendQuotedUTF8(buffer, offset);
		}

		@Override
		public int appendQuoted(char[] buffer, int offset) {
			return new SerializedString(getValue()).appendQuoted(buffer, offset);
		}

		@Override
		public int writeQuotedUTF8(OutputStream out) throws IOException {
			return new SerializedString(getValue()).writeQuotedUTF8(out);
		}

		@Override
		public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
			return new SerializedString(getValue()).putQuotedUTF8(buffer);
		}

	}

}
