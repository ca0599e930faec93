package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the list descriptors of {@code reference/programs.json}.
 */
public final class ProgramCatalog {

	/** The descriptor file, relative to {@code seeds/}. */
	public static final String FILE = "reference/programs.json";

	private static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private ProgramCatalog() {
	}

	/**
	 * Reads the descriptors.
	 * @param json the file's content
	 * @return the descriptors in file order
	 * @throws SourceException naming the descriptor and field that is missing or wrong
	 */
	public static List<ProgramDescriptor> read(String json) {
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(json);
		}
		catch (JacksonException ex) {
			throw new SourceException(new SourceProblem(FILE, 0, "not valid JSON: " + ex.getOriginalMessage()));
		}
		List<ProgramDescriptor> descriptors = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (JsonNode node : root.path("programs")) {
			String key = text(node, "key", true);
			String name = text(node, "name", true);
			String document = text(node, "document", true);
			check(key, name, document);
			if (!keys.add(key)) {
				throw new SourceException(new SourceProblem(FILE, 0,
						"program '" + key + "' is described twice: each list needs a key of its own"));
			}
			descriptors.add(new ProgramDescriptor(key, name, text(node, "issuer", false),
					choice(node, "level", ProgramDescriptor.Level.class).name(), document, pattern(node, "start", true),
					pattern(node, "end", false), choice(node, "format", ProgramDescriptor.Format.class),
					pattern(node, "countInHeading", false), perEdition(node), pattern(node, "noticeTitle", false),
					choice(node, "context", ProgramDescriptor.Context.class), text(node, "contextProvince", false),
					validity(node)));
		}
		if (descriptors.isEmpty()) {
			throw new SourceException(new SourceProblem(FILE, 0, "no programs described"));
		}
		return List.copyOf(descriptors);
	}

	/**
	 * The fields the API and the files depend on: a key the API can name a program by, a
	 * name to show, and a document inside {@code seeds/}.
	 */
	private static void check(String key, String name, String document) {
		if (key.length() > 64 || !KEY.matcher(key).matches()) {
			throw new SourceException(new SourceProblem(FILE, 0,
					"program '" + key
							+ "': 'key' must be lower-case letters and digits, joined by hyphens (such as miit-sme), "
							+ "at most 64 characters: the API names the program by it"));
		}
		if (name.isBlank()) {
			throw new SourceException(new SourceProblem(FILE, 0, "program '" + key + "': 'name' is empty"));
		}
		if (document.isBlank() || document.startsWith("/") || document.contains("\\")
				|| Arrays.asList(document.split("/")).contains("..")) {
			throw new SourceException(new SourceProblem(FILE, 0, "program '" + key + "': 'document' is '" + document
					+ "'; name a file inside seeds/, by its path from there, without '..'"));
		}
	}

	private static int perEdition(JsonNode node) {
		JsonNode value = node.get("perEdition");
		if (value == null || value.isNull()) {
			return 0;
		}
		if (!value.isIntegralNumber() || value.asInt() < 0) {
			throw new SourceException(new SourceProblem(FILE, 0, "program '" + node.path("key").asString("?")
					+ "': 'perEdition' must be a whole number of entries, such as 100 (it is " + value + ")"));
		}
		return value.asInt();
	}

	/**
	 * The optional {@code validity} object: {@code {"years": 3, "source": "..."}}, a
	 * whole number of years from 1 to 50 and the document that states it.
	 */
	private static ProgramDescriptor.@Nullable Validity validity(JsonNode node) {
		JsonNode validity = node.get("validity");
		if (validity == null || validity.isNull()) {
			return null;
		}
		String key = node.path("key").asString("?");
		JsonNode years = validity.get("years");
		if (years == null || !years.isIntegralNumber() || years.asInt() < 1
				|| years.asInt() > ProgramDescriptor.Validity.MAX_YEARS) {
			throw new SourceException(new SourceProblem(FILE, 0,
					"program '" + key + "': 'validity.years' must be a whole number of years from 1 to "
							+ ProgramDescriptor.Validity.MAX_YEARS));
		}
		String source = text(validity, "source", false);
		if (source == null || source.isBlank()) {
			throw new SourceException(new SourceProblem(FILE, 0,
					"program '" + key + "': 'validity.source' must name the document that states the period"));
		}
		return new ProgramDescriptor.Validity(years.asInt(), source);
	}

	/** A required field that names one of an enumeration's values, as written there. */
	private static <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type) {
		String value = text(node, field, true);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		throw new SourceException(
				new SourceProblem(FILE, 0, "program '" + node.path("key").asString("?") + "': '" + field + "' is '"
						+ value + "', not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
	}

	private static @Nullable String text(JsonNode node, String field, boolean required) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				throw new SourceException(new SourceProblem(FILE, 0,
						"program '" + node.path("key").asString("?") + "' lacks '" + field + "'"));
			}
			return null;
		}
		if (value.isContainer()) {
			throw new SourceException(new SourceProblem(FILE, 0, "program '" + node.path("key").asString("?") + "': '"
					+ field + "' is " + (value.isArray() ? "a list" : "an object") + ", not a text"));
		}
		return value.asString();
	}

	private static @Nullable Pattern pattern(JsonNode node, String field, boolean required) {
		String value = text(node, field, required);
		try {
			return (value != null) ? Pattern.compile(value) : null;
		}
		catch (PatternSyntaxException ex) {
			throw new SourceException(new SourceProblem(FILE, 0,
					"program '" + node.path("key").asString("?") + "': '" + field + "' is no valid pattern"));
		}
	}

}
