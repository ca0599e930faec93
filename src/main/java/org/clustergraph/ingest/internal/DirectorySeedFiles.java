package org.clustergraph.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Inputs read from a {@code seeds/} directory on disk, or from {@code seeds/} on the
 * class path when no directory is given.
 */
public final class DirectorySeedFiles implements SeedFiles {

	private final Path directory;

	private DirectorySeedFiles(Path directory) {
		this.directory = directory;
	}

	/**
	 * Inputs from a directory.
	 * @param directory the directory that holds the documents and {@code reference/}
	 * @return the inputs
	 */
	public static SeedFiles of(Path directory) {
		return new DirectorySeedFiles(directory);
	}

	/**
	 * Inputs from {@code seeds/} on the class path (inside the application's jar).
	 * @return the inputs
	 */
	public static SeedFiles classpath() {
		return (path) -> {
			try (InputStream in = DirectorySeedFiles.class.getClassLoader().getResourceAsStream("seeds/" + path)) {
				if (in == null) {
					throw new SourceException(new SourceProblem(path, 0, "missing from seeds/ on the class path"));
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	@Override
	public byte[] bytes(String path) {
		try {
			return Files.readAllBytes(this.directory.resolve(path));
		}
		catch (NoSuchFileException ex) {
			throw new SourceException(new SourceProblem(path, 0, "missing from " + this.directory));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
