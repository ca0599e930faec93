package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader for the project's CSV tables (RFC 4180 quoting, a header line, lines
 * starting with {@code #} ignored), keeping each row's line number for error messages.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * Reads a table.
	 * @param file the file name, for messages
	 * @param lines the file's lines
	 * @param required the columns the table must have
	 * @return the rows, each with its line number
	 * @throws SourceException when the header lacks a required column or a row is
	 * malformed
	 */
	public static List<Row> read(String file, List<String> lines, String... required) {
		List<Row> rows = new ArrayList<>();
		List<String> header = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (i == 0 && line.startsWith("\uFEFF")) {
				line = line.substring(1);
			}
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			List<String> fields = split(file, i + 1, line);
			if (header == null) {
				header = fields;
				for (String column : required) {
					if (!header.contains(column)) {
						throw new SourceException(new SourceProblem(file, i + 1, "missing column '" + column
								+ "' (the header must name " + String.join(", ", required) + ")"));
					}
				}
				continue;
			}
			if (fields.size() > header.size()) {
				throw new SourceException(new SourceProblem(file, i + 1,
						"row has " + fields.size() + " fields, the header " + header.size()));
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				values.put(header.get(c), (c < fields.size()) ? fields.get(c).strip() : "");
			}
			rows.add(new Row(file, i + 1, values));
		}
		return rows;
	}

	private static List<String> split(String file, int lineNumber, String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new SourceException(new SourceProblem(file, lineNumber, "unclosed quote"));
		}
		fields.add(field.toString());
		return fields;
	}

	/**
	 * One row of a table.
	 *
	 * @param file the table's file name
	 * @param line the 1-based line number
	 * @param values the fields by column name
	 */
	public record Row(String file, int line, Map<String, String> values) {

		/**
		 * A field's value.
		 * @param column the column name
		 * @return the value, empty when blank
		 */
		public String get(String column) {
			return this.values.getOrDefault(column, "");
		}

		/**
		 * A problem located at this row.
		 * @param message what is wrong
		 * @return the problem
		 */
		public SourceProblem problem(String message) {
			return new SourceProblem(this.file, this.line, message);
		}

	}

}
