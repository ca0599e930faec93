package org.clustergraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What decides the shape of a loaded graph besides its inputs: the load and schema
 * statements and the compiled resolution and writing code. Its digest is part of the
 * fingerprint a store records, so a store written by other statements or other rules is
 * reloaded at the next start without anyone having to remember to bump a version.
 */
final class GraphShape {

	/** The class-path resources whose bytes shape the graph. */
	static final List<String> PATTERNS = List.of("classpath*:cypher/load/*.cypher", "classpath*:cypher/schema/*.cypher",
			"classpath*:org/clustergraph/ingest/internal/*.class",
			"classpath*:org/clustergraph/ingest/GraphWriter*.class");

	private static volatile String digest;

	private GraphShape() {
	}

	/**
	 * The digest of every resource of {@link #PATTERNS}, by file name.
	 * @return a hex SHA-256
	 */
	static String digest() {
		String known = digest;
		if (known == null) {
			known = compute(GraphShape.class.getClassLoader());
			digest = known;
		}
		return known;
	}

	/**
	 * The digest of every resource of {@link #PATTERNS} that a class loader sees.
	 * @param loader the class loader
	 * @return a hex SHA-256
	 * @throws IllegalStateException when a pattern matches nothing
	 */
	static String compute(ClassLoader loader) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
			for (String pattern : PATTERNS) {
				Resource[] resources = resolver.getResources(pattern);
				if (resources.length == 0) {
					throw new IllegalStateException("Nothing on the class path matches " + pattern);
				}
				Arrays.sort(resources, Comparator.comparing((r) -> String.valueOf(r.getFilename())));
				for (Resource resource : resources) {
					sha.update(String.valueOf(resource.getFilename()).getBytes(StandardCharsets.UTF_8));
					try (InputStream in = resource.getInputStream()) {
						sha.update(in.readAllBytes());
					}
				}
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
