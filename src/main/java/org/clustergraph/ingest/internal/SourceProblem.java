package org.clustergraph.ingest.internal;

/**
 * Something the loader could not read or accept, with the place in the input where it
 * stands.
 *
 * @param file the file (seed document or reference table)
 * @param line the 1-based line; 0 when the problem concerns the whole file
 * @param message what is wrong, in words an operator can act on
 */
public record SourceProblem(String file, int line, String message) {

	@Override
	public String toString() {
		return this.file + (this.line > 0 ? ":" + this.line : "") + ": " + this.message;
	}

}
