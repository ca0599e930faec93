package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small reader for the project's CSV tables (RFC 4180 quoting, a header line, lines
 * starting with {@code #} ignored), keeping each row's line number for error messages;
 * and the reader of CSV records that lists saved as CSV are read with.
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
		List<String> text = lines;
		if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
			text = new ArrayList<>(lines);
			text.set(0, lines.get(0).substring(1));
		}
		List<SourceProblem> unclosed = new ArrayList<>();
		List<Record> records = records(file, text, 0, text.size(), (line) -> line.isBlank() || line.startsWith("#"),
				unclosed);
		if (!unclosed.isEmpty()) {
			throw new SourceException(unclosed);
		}
		List<Row> rows = new ArrayList<>();
		List<String> header = null;
		for (Record record : records) {
			List<String> fields = record.cells();
			if (header == null) {
				header = fields;
				for (String column : required) {
					if (!header.contains(column)) {
						throw new SourceException(new SourceProblem(file, record.line(), "missing column '" + column
								+ "' (the header must name " + String.join(", ", required) + ")"));
					}
				}
				continue;
			}
			if (fields.size() > header.size()) {
				throw new SourceException(new SourceProblem(file, record.line(),
						"row has " + fields.size() + " fields, the header " + header.size()));
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				values.put(header.get(c), (c < fields.size()) ? fields.get(c).strip() : "");
			}
			rows.add(new Row(file, record.line(), values));
		}
		return rows;
	}

	/**
	 * The records of some lines of CSV text: comma-separated cells with RFC 4180 quotes,
	 * where a quoted cell may hold commas, doubled quotes and line breaks.
	 * @param file the file name, for messages
	 * @param lines the file's lines
	 * @param from the first line to read (0-based)
	 * @param end the first line not to read
	 * @param skip the lines to pass over between records (blank lines, comments)
	 * @param unclosed receives the problem of a quote that is never closed, at the line
	 * its record starts on; the records before it are returned
	 * @return the records, each with the 1-based line it starts on
	 */
	static List<Record> records(String file, List<String> lines, int from, int end, Predicate<String> skip,
			List<SourceProblem> unclosed) {
		List<Record> records = new ArrayList<>();
		int i = from;
		while (i < end) {
			if (skip.test(lines.get(i))) {
				i++;
				continue;
			}
			int first = i;
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			while (true) {
				String line = lines.get(i);
				for (int p = 0; p < line.length(); p++) {
					char c = line.charAt(p);
					if (quoted) {
						if (c == '"' && p + 1 < line.length() && line.charAt(p + 1) == '"') {
							cell.append('"');
							p++;
						}
						else if (c == '"') {
							quoted = false;
						}
						else {
							cell.append(c);
						}
					}
					else if (c == '"') {
						quoted = true;
					}
					else if (c == ',') {
						cells.add(cell.toString());
						cell.setLength(0);
					}
					else {
						cell.append(c);
					}
				}
				i++;
				if (!quoted) {
					break;
				}
				if (i >= end) {
					unclosed.add(new SourceProblem(file, first + 1, "a quote opened in this row is never closed"));
					return records;
				}
				cell.append('\n');
			}
			cells.add(cell.toString());
			records.add(new Record(first + 1, cells));
		}
		return records;
	}

	/**
	 * One record of CSV text.
	 *
	 * @param line the 1-based line it starts on
	 * @param cells its cells as written, quotes removed
	 */
	record Record(int line, List<String> cells) {
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
