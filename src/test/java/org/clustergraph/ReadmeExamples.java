package org.clustergraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's example queries: each {@code graphql} code block whose first line is
 * {@code # example: <name>}.
 */
public final class ReadmeExamples {

	private static final Pattern EXAMPLE = Pattern.compile("```graphql\\n# example: (\\S+)\\n(.*?)```", Pattern.DOTALL);

	private ReadmeExamples() {
	}

	/**
	 * Reads the examples from {@code README.md}.
	 * @return each example's document by its name, in the README's order
	 */
	public static Map<String, String> read() {
		try {
			Map<String, String> examples = new LinkedHashMap<>();
			Matcher matcher = EXAMPLE.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
			while (matcher.find()) {
				examples.put(matcher.group(1), matcher.group(2));
			}
			return examples;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
