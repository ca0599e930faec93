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
	 * The text of one input, read as UTF-8, without a leading byte order mark.
	 * @param path the path relative to {@code seeds/}
	 * @return the text
	 * @throws SourceException when the file does not exist, or naming the line of the
	 * first byte that is no UTF-8
	 */
	default String text(String path) {
		return Utf8Text.decode(path, bytes(path));
	}

	/**
	 * The lines of one input, read as {@link #text} reads it.
	 * @param path the path relative to {@code seeds/}
	 * @return the lines
	 */
	default List<String> lines(String path) {
		return text(path).lines().toList();
	}

}
