package org.clustergraph.ingest.internal;

import java.util.List;

/**
 * Where the loader reads its inputs: the seed documents and reference tables by their
 * path relative to {@code seeds/}.
 */
public interface SeedFiles {

	/**
	 * The bytes of one input.
	 * @param path the path relative to {@code seeds/}, such as
	 * {@code reference/zones.csv}
	 * @return the file's bytes
	 * @throws SourceException when the file does not exist
	 */
	byte[] bytes(String path);

	/**
	 * The lines of one input, read as UTF-8.
	 * @param path the path relative to {@code seeds/}
	 * @return the lines
	 */
	default List<String> lines(String path) {
		return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
	}

}
