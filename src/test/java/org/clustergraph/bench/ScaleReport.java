package org.clustergraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The report of {@code bench/scale.sh}: reads what it recorded for each size (the load's
 * figures in {@code load.tsv}, the harness's measured phases in {@code api.tsv}) and
 * prints a table per size, a summary across the sizes with each figure's ratio to the
 * first size, how the figures compare with the targets of issue #19, and a text chart of
 * the median latencies; writes the same chart as {@code scale.svg}.
 *
 * <p>
 * Not a test: it lives with the test sources beside the harness whose output it reads.
 */
public final class ScaleReport {

	/** The queries the targets name, by their number in {@link CanonicalQuery}. */
	private static final int LOOKUP = 1;

	private static final int TWO_HOP = 2;

	private static final int SEARCH = 8;

	private static final int FIRST_PAGE = 9;

	private static final int DEEP_PAGE = 10;

	private static final List<Integer> ANALYSIS = List.of(3, 6, 7, 11);

	private static final String[] COLOURS = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
			"#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };

	private final List<Size> sizes;

	private ScaleReport(List<Size> sizes) {
		this.sizes = sizes;
	}

	/**
	 * Prints the report and writes {@code scale.svg} into the results directory.
	 * @param args the results directory, then the sizes in the order to report them
	 */
	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("Usage: ScaleReport RESULTS_DIR SIZE...");
			System.exit(2);
		}
		Path directory = Path.of(args[0]);
		List<Size> sizes = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			sizes.add(Size.read(args[i], directory.resolve(args[i])));
		}
		ScaleReport report = new ScaleReport(sizes);
		report.printSizes();
		report.printSummary();
		report.printTargets();
		report.printChart();
		Path svg = directory.resolve("scale.svg");
		Files.writeString(svg, report.svg(), StandardCharsets.UTF_8);
		System.out.println();
		System.out.println("Chart written to " + svg);
	}

	private void printSizes() {
		for (Size size : this.sizes) {
			System.out.println();
			System.out.println("Size " + size.name() + ": " + size.describeLoad());
			if (size.rows().isEmpty()) {
				continue;
			}
			System.out.printf(Locale.ROOT, "%-30s %9s %9s %9s %9s %9s %9s %9s %9s %9s %s%n", "query", "req/s", "p50 ms",
					"p99 ms", "cpu/req", "floor r/s", "floor p50", "floor p99", "floor cpu", "o/f p50", "");
			for (Map.Entry<Integer, String> query : queries().entrySet()) {
				Row ours = size.row(query.getKey(), "ours");
				if (ours == null) {
					size.rows()
						.stream()
						.filter((row) -> row.query() == query.getKey() && row.requests() == 0)
						.forEach((row) -> System.out.printf(Locale.ROOT, "%-30s %s: %s%n",
								query.getKey() + " " + query.getValue(), row.side(), row.check()));
					continue;
				}
				Row floor = size.row(query.getKey(), "floor");
				System.out.printf(Locale.ROOT, "%-30s %9s %9s %9s %9s %9s %9s %9s %9s %9s %s%n",
						query.getKey() + " " + query.getValue(), ours.figure(Row::rate, 0), ours.figure(Row::p50, 2),
						ours.figure(Row::p99, 2), ours.figure(Row::cpu, 2),
						(floor != null) ? floor.figure(Row::rate, 0) : "-",
						(floor != null) ? floor.figure(Row::p50, 2) : "-",
						(floor != null) ? floor.figure(Row::p99, 2) : "-",
						(floor != null) ? floor.figure(Row::cpu, 2) : "-",
						(floor != null) ? ratio(ours.p50(), floor.p50()) : "-", ours.note());
			}
		}
	}

	private void printSummary() {
		System.out.println();
		System.out.println("Summary across sizes (ours; x: the figure divided by the first size's; cpu/req: the "
				+ "service's CPU ms per request)");
		System.out.printf(Locale.ROOT, "%-30s %-6s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", "query", "size", "clusters",
				"req/s", "p50 ms", "p99 ms", "cpu/req", "x req/s", "x p50", "x cpu", "floor p50");
		for (Map.Entry<Integer, String> query : queries().entrySet()) {
			Row first = null;
			boolean label = true;
			for (Size size : this.sizes) {
				Row ours = size.row(query.getKey(), "ours");
				if (ours == null) {
					continue;
				}
				if (first == null) {
					first = ours;
				}
				Row floor = size.row(query.getKey(), "floor");
				System.out.printf(Locale.ROOT, "%-30s %-6s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n",
						label ? query.getKey() + " " + query.getValue() : "", size.name(), size.clusters(),
						ours.figure(Row::rate, 0), ours.figure(Row::p50, 2), ours.figure(Row::p99, 2),
						ours.figure(Row::cpu, 2), ratio(ours.rate(), first.rate()), ratio(ours.p50(), first.p50()),
						ratio(ours.cpu(), first.cpu()), (floor != null) ? floor.figure(Row::p50, 2) : "-");
				label = false;
			}
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "%-6s %9s %9s %9s %12s %10s %10s %10s %10s %9s%n", "size", "listings",
				"clusters", "load s", "listings/s", "heap max", "peak heap", "peak RSS", "store", "tx logs");
		for (Size size : this.sizes) {
			System.out.printf(Locale.ROOT, "%-6s %9s %9s %9s %12s %10s %10s %10s %10s %9s%n", size.name(),
					size.load("listings"), size.clusters(), seconds(size.load("load_ms")), size.rate(),
					size.load("heap"), megabytes(size.load("peak_heap_mb")), megabytes(size.load("peak_rss_mb")),
					megabytes(size.load("store_mb")), megabytes(size.load("tx_logs_mb")));
		}
	}

	/** Each target of issue #19 at every size measured, met or missed. */
	private void printTargets() {
		System.out.println();
		System.out.println("Against the targets of #19 (which are set for x1000; given here at every size measured)");
		Size first = this.sizes.get(0);
		for (Size size : this.sizes) {
			List<String> lines = new ArrayList<>();
			if (size != first) {
				for (int query : List.of(LOOKUP, TWO_HOP)) {
					Row ours = size.row(query, "ours");
					Row base = first.row(query, "ours");
					if (ours != null && base != null) {
						double x = ours.p50() / base.p50();
						lines.add(verdict(x <= 1.5,
								String.format(Locale.ROOT, "%s p50 %.2f ms, %.2f times %s's %.2f ms (at most 1.5)",
										queries().get(query), ours.p50(), x, first.name(), base.p50())));
					}
				}
			}
			for (int query : ANALYSIS) {
				Row ours = size.row(query, "ours");
				if (ours != null) {
					lines.add(verdict(ours.p50() <= 100, String.format(Locale.ROOT, "%s p50 %.2f ms (at most 100)",
							queries().get(query), ours.p50())));
				}
			}
			Row page = size.row(FIRST_PAGE, "ours");
			Row deep = size.row(DEEP_PAGE, "ours");
			if (page != null && deep != null) {
				double x = deep.p50() / page.p50();
				lines.add(verdict(x <= 1.5,
						String.format(Locale.ROOT,
								"page %s of clusters p50 %.2f ms, %.2f times page 1's %.2f ms (at most 1.5)",
								size.load("deep_page"), deep.p50(), x, page.p50())));
			}
			Row search = size.row(SEARCH, "ours");
			if (search != null) {
				lines.add(verdict(search.p50() <= 50,
						String.format(Locale.ROOT, "search p50 %.2f ms (at most 50)", search.p50())));
			}
			if (!lines.isEmpty()) {
				System.out.println(size.name() + ":");
				lines.forEach((line) -> System.out.println("  " + line));
			}
		}
	}

	private static String verdict(boolean met, String what) {
		return (met ? "met     " : "MISSED  ") + what;
	}

	/** The median latencies as bars on a log scale, from 1 ms to 10 s. */
	private void printChart() {
		System.out.println();
		System.out.println("p50 latency, ours, at 16 clients (log scale; each # is a factor of 10^(1/10)):");
		System.out.println(" ".repeat(40) + "1 ms      10 ms     100 ms    1 s       10 s");
		for (Map.Entry<Integer, String> query : queries().entrySet()) {
			boolean label = true;
			for (Size size : this.sizes) {
				Row ours = size.row(query.getKey(), "ours");
				if (ours == null) {
					continue;
				}
				int bars = (int) Math.round(Math.max(0, Math.min(4, Math.log10(ours.p50()))) * 10);
				System.out.printf(Locale.ROOT, "   %-28s %-6s |%-40s %s ms%n",
						label ? query.getKey() + " " + query.getValue() : "", size.name(), "#".repeat(bars),
						ours.figure(Row::p50, 1));
				label = false;
			}
		}
	}

	/**
	 * Three panels, all on log scales: each query's p50 and the service's CPU time per
	 * request against the clusters loaded, and the load's time and memory against the
	 * listings.
	 */
	private String svg() {
		int width = 1320;
		int height = 420;
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
						+ "font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
				width, height));
		panel(out, 60, 40, 300, 300, "p50 ms at 16 clients, against clusters loaded", byQuery(Row::p50), false);
		panel(out, 430, 40, 300, 300, "service CPU ms per request, against clusters", byQuery(Row::cpu), true);
		Map<String, List<double[]>> load = new LinkedHashMap<>();
		for (String[] series : new String[][] { { "load s", "load_ms", "0.001" },
				{ "peak heap GB", "peak_heap_mb", "0.001" }, { "peak RSS GB", "peak_rss_mb", "0.001" },
				{ "store GB", "store_mb", "0.001" } }) {
			List<double[]> points = new ArrayList<>();
			for (Size size : this.sizes) {
				double listings = size.number("listings");
				double value = size.number(series[1]) * Double.parseDouble(series[2]);
				if (listings > 0 && value > 0) {
					points.add(new double[] { listings, value });
				}
			}
			load.put(series[0], points);
		}
		panel(out, 960, 40, 240, 300, "load: time and memory, against listings", load, true);
		out.append("</svg>\n");
		return out.toString();
	}

	/** One log-log panel with a line and a legend entry per series. */
	/** Each query's figure, ours, against the clusters loaded, per size. */
	private Map<String, List<double[]>> byQuery(ToDoubleFunction<Row> figure) {
		Map<String, List<double[]>> series = new LinkedHashMap<>();
		for (Map.Entry<Integer, String> query : queries().entrySet()) {
			List<double[]> points = new ArrayList<>();
			for (Size size : this.sizes) {
				Row ours = size.row(query.getKey(), "ours");
				double clusters = size.number("clusters");
				if (ours != null && clusters > 0 && figure.applyAsDouble(ours) > 0) {
					points.add(new double[] { clusters, figure.applyAsDouble(ours) });
				}
			}
			series.put(query.getKey() + " " + query.getValue(), points);
		}
		return series;
	}

	private static void panel(StringBuilder out, int left, int top, int w, int h, String title,
			Map<String, List<double[]>> series, boolean withLegend) {
		double minX = Double.MAX_VALUE;
		double maxX = Double.MIN_VALUE;
		double minY = Double.MAX_VALUE;
		double maxY = Double.MIN_VALUE;
		for (List<double[]> points : series.values()) {
			for (double[] p : points) {
				minX = Math.min(minX, p[0]);
				maxX = Math.max(maxX, p[0]);
				minY = Math.min(minY, p[1]);
				maxY = Math.max(maxY, p[1]);
			}
		}
		out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\">%s</text>%n", left, top - 12,
				escape(title)));
		out.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n", left, top, w,
				h));
		if (minX == Double.MAX_VALUE) {
			return;
		}
		int x0 = (int) Math.floor(Math.log10(minX));
		int x1 = Math.max(x0 + 1, (int) Math.ceil(Math.log10(maxX)));
		int y0 = (int) Math.floor(Math.log10(minY));
		int y1 = Math.max(y0 + 1, (int) Math.ceil(Math.log10(maxY)));
		for (int e = x0; e <= x1; e++) {
			double x = left + (double) (e - x0) / (x1 - x0) * w;
			out.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n"
							+ "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
					x, top, x, top + h, x, top + h + 14, power(e)));
		}
		for (int e = y0; e <= y1; e++) {
			double y = top + h - (double) (e - y0) / (y1 - y0) * h;
			out.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n"
							+ "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
					left, y, left + w, y, left - 4, y + 4, power(e)));
		}
		int colour = 0;
		int legend = top;
		for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
			String stroke = COLOURS[colour++ % COLOURS.length];
			StringBuilder path = new StringBuilder();
			for (double[] p : entry.getValue()) {
				double x = left + (Math.log10(p[0]) - x0) / (x1 - x0) * w;
				double y = top + h - (Math.log10(p[1]) - y0) / (y1 - y0) * h;
				path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
				out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y,
						stroke));
			}
			if (entry.getValue().size() > 1) {
				out.append(String.format(Locale.ROOT,
						"<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
						path.toString().strip(), stroke));
			}
			if (withLegend) {
				out.append(String.format(Locale.ROOT,
						"<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>"
								+ "<text x=\"%d\" y=\"%d\">%s</text>%n",
						left + w + 8, legend + 4, stroke, left + w + 22, legend + 9, escape(entry.getKey())));
				legend += 15;
			}
		}
	}

	private static String power(int exponent) {
		double value = Math.pow(10, exponent);
		if (exponent >= 6) {
			return String.format(Locale.ROOT, "%.0fM", value / 1e6);
		}
		if (exponent >= 3) {
			return String.format(Locale.ROOT, "%.0fk", value / 1e3);
		}
		return (exponent >= 0) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%." + -exponent + "f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** The queries measured at any size, by number, with their names. */
	private Map<Integer, String> queries() {
		Map<Integer, String> queries = new java.util.TreeMap<>();
		for (Size size : this.sizes) {
			for (Row row : size.rows()) {
				queries.putIfAbsent(row.query(), row.name());
			}
		}
		return queries;
	}

	private static String ratio(double value, double base) {
		double ratio = value / base;
		return (Double.isNaN(ratio) || Double.isInfinite(ratio)) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
	}

	private static String seconds(String millis) {
		try {
			return String.format(Locale.ROOT, "%.1f", Long.parseLong(millis) / 1000.0);
		}
		catch (NumberFormatException ex) {
			return "-";
		}
	}

	private static String megabytes(String value) {
		return (value == null || value.isEmpty() || value.equals("-")) ? "-" : value + " MB";
	}

	/**
	 * One size as bench/scale.sh recorded it.
	 *
	 * @param name the size (seed, x10...)
	 * @param load the load's figures by name
	 * @param rows the harness's measured phases
	 */
	private record Size(String name, Map<String, String> load, List<Row> rows) {

		static Size read(String name, Path directory) throws IOException {
			Map<String, String> load = new LinkedHashMap<>();
			Path loadFile = directory.resolve("load.tsv");
			if (Files.exists(loadFile)) {
				for (String line : Files.readAllLines(loadFile)) {
					String[] fields = line.split("\t", 2);
					if (fields.length == 2) {
						load.put(fields[0], fields[1]);
					}
				}
			}
			List<Row> rows = new ArrayList<>();
			Path apiFile = directory.resolve("api.tsv");
			if (Files.exists(apiFile)) {
				for (String line : Files.readAllLines(apiFile)) {
					String[] fields = line.split("\t", -1);
					if (line.startsWith("# ")) {
						load.putIfAbsent(fields[0].substring(2).replace('-', '_'), fields[1]);
					}
					else if (!line.startsWith("query\t") && fields.length >= 11) {
						rows.add(Row.parse(fields));
					}
				}
			}
			return new Size(name, load, rows);
		}

		/**
		 * The row of a query and side, the fastest round's by p50 when there are several;
		 * null when it was not measured.
		 */
		Row row(int query, String side) {
			Row best = null;
			for (Row row : this.rows) {
				if (row.query() == query && row.side().equals(side) && row.requests() > 0
						&& (best == null || row.p50() < best.p50())) {
					best = row;
				}
			}
			return best;
		}

		String load(String key) {
			return this.load.getOrDefault(key, "-");
		}

		double number(String key) {
			try {
				return Double.parseDouble(this.load.getOrDefault(key, ""));
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

		String clusters() {
			return load("clusters");
		}

		String rate() {
			double listings = number("listings");
			double millis = number("load_ms");
			return (listings > 0 && millis > 0) ? String.format(Locale.ROOT, "%.0f", listings / (millis / 1000)) : "-";
		}

		String describeLoad() {
			String status = load("status");
			if (!status.equals("loaded")) {
				return "not loaded: " + status;
			}
			return String.format(Locale.ROOT,
					"%s listings into %s clusters in %s s (resolve %s s, write %s s), %s listings/s; heap %s, "
							+ "peak heap %s and peak RSS %s by the end of the load; store %s, transaction logs %s; "
							+ "analysis answers computed in %s s; ready %s s after start; deep page %s",
					load("listings"), clusters(), seconds(load("load_ms")), seconds(load("resolve_ms")),
					seconds(load("write_ms")), rate(), load("heap"), megabytes(load("peak_heap_mb")),
					megabytes(load("peak_rss_mb")), megabytes(load("store_mb")), megabytes(load("tx_logs_mb")),
					seconds(load("analysis_ms")), load("ready_s"), load("deep_page"));
		}

	}

	/**
	 * One measured phase of the harness.
	 *
	 * @param query the canonical query's number
	 * @param name its name
	 * @param side ours or floor
	 * @param requests requests answered, 0 when the side failed
	 * @param rate requests per second
	 * @param p50 median latency, ms
	 * @param p99 99th percentile latency, ms
	 * @param errors requests that failed
	 * @param cpu the service's CPU ms per request (for the floor, its embedded
	 * database's)
	 * @param check the comparison of the sides' answers, or why the side failed
	 */
	private record Row(int query, String name, String side, int requests, double rate, double p50, double p99,
			long errors, double cpu, String check) {

		static Row parse(String[] fields) {
			return new Row(Integer.parseInt(fields[0]), fields[1], fields[3], Integer.parseInt(fields[4]),
					number(fields[5]), number(fields[6]), number(fields[7]), (long) number(fields[8]),
					number(fields[9]), fields[10]);
		}

		private static double number(String field) {
			try {
				return Double.parseDouble(field);
			}
			catch (NumberFormatException ex) {
				return Double.NaN;
			}
		}

		String figure(ToDoubleFunction<Row> figure, int decimals) {
			return String.format(Locale.ROOT, "%,." + decimals + "f", figure.applyAsDouble(this));
		}

		/** What to say beside the figures: errors, or answers that differ. */
		String note() {
			List<String> notes = new ArrayList<>();
			if (this.errors > 0) {
				notes.add(this.errors + " errors");
			}
			if (this.check.contains("DIFFER") || this.check.startsWith("not compared")) {
				notes.add(this.check);
			}
			return String.join("; ", notes);
		}

	}

}
