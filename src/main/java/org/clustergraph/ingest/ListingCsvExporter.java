package org.clustergraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.clustergraph.neo4j.CypherFiles;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes the resolved table for spreadsheets: one CSV row per listing, read back from the
 * graph, with its place at every level, its industries and the rules behind each, the
 * classification's confidence and evidence, and the clusters its cluster may be one with.
 */
@Component
public class ListingCsvExporter {

	static final List<String> HEADER = List.of("program", "year", "rank", "name_as_listed", "document", "line",
			"cluster_id", "cluster_name", "province_code", "province_name", "prefecture_code", "prefecture_name",
			"county_code", "county_name", "township_code", "township_name", "zone_code", "zone_name", "industry_codes",
			"industry_names", "place_rules", "industry_rules", "identity_rules", "industry_confidence",
			"industry_evidence", "possible_matches");

	private static final List<String> LEVELS = List.of("PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP", "ZONE");

	/** How many listings the export reads in one transaction. */
	private static final int CHUNK = 1000;

	private final Driver driver;

	private final SessionConfig sessionConfig;

	private final int chunk;

	@Autowired
	ListingCsvExporter(Driver driver, SessionConfig sessionConfig) {
		this(driver, sessionConfig, CHUNK);
	}

	ListingCsvExporter(Driver driver, SessionConfig sessionConfig, int chunk) {
		if (chunk < 1) {
			throw new IllegalArgumentException("A chunk holds at least one listing, not " + chunk);
		}
		this.driver = driver;
		this.sessionConfig = sessionConfig;
		this.chunk = chunk;
	}

	/**
	 * Writes the table in program, year and rank order into a new file of a random name
	 * beside {@code file} that replaces it only once it is complete and on disk: a failed
	 * or interrupted export leaves an earlier table as it was. (A {@code file} that is a
	 * symbolic link has the file it names replaced; the table keeps an earlier table's
	 * permissions, or reads {@code rw-r--r--}.) The listings are read a chunk at a time
	 * ({@value #CHUNK} listings), each chunk in a transaction of its own, so that neither
	 * memory nor a transaction's time grows with the graph, and only while the generation
	 * served when the export began is still served. A program whose rows fall short of
	 * its listings, or another generation served at the end, fails the export, so the
	 * table never holds part of a graph or mixes two.
	 * @param file the CSV file to write (UTF-8 with a byte-order mark, so spreadsheets
	 * read the Chinese text)
	 * @return the number of listing rows written
	 */
	public int export(Path file) {
		Path partial = null;
		try (Session session = this.driver.session(this.sessionConfig)) {
			Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
			if (target.getFileName() == null || target.getParent() == null) {
				throw new IllegalArgumentException("--export-csv=" + file + " names no file to write");
			}
			Files.createDirectories(target.getParent());
			// a name no one can have prepared, created afresh: not through a link
			partial = Files.createTempFile(target.getParent(), ".export-", ".partial");
			int rows = 0;
			try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
				out.write('\uFEFF');
				out.write(line(HEADER));
				Record served = served(session);
				if (served != null) {
					Value generation = served.get("generation");
					for (Value program : served.get("programs").values()) {
						String key = program.get("key").asString();
						int written = writeProgram(session, generation, key, out);
						if (written != program.get("listings").asInt()) {
							throw incomplete(file,
									"program " + key + " has " + program.get("listings").asInt() + " listings but "
											+ written + " were read: a load changed the graph meanwhile,"
											+ " or an earlier version loaded it and --reload mends that");
						}
						rows += written;
					}
					// a switch during the last chunk leaves its count right but may have
					// deleted some of what it read
					Record now = served(session);
					if (now == null || !generation.equals(now.get("generation"))) {
						throw incomplete(file, "a load switched the graph served meanwhile");
					}
				}
			}
			try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			permissions(partial, target);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		finally {
			if (partial != null) {
				try {
					Files.deleteIfExists(partial);
				}
				catch (IOException ex) {
					// its name says what it is; the export's outcome stands
				}
			}
		}
	}

	/**
	 * Gives the finished table an earlier table's permissions, or {@code rw-r--r--} (a
	 * temporary file is its owner's alone), where the file system has POSIX permissions.
	 */
	private static void permissions(Path table, Path target) throws IOException {
		if (Files.getFileAttributeView(table, PosixFileAttributeView.class) == null) {
			return;
		}
		Files.setPosixFilePermissions(table, Files.exists(target) ? Files.getPosixFilePermissions(target)
				: PosixFilePermissions.fromString("rw-r--r--"));
	}

	private static IllegalStateException incomplete(Path file, String why) {
		return new IllegalStateException(
				"The export did not read the whole graph (" + why + "); " + file + " was left as it was.");
	}

	/**
	 * Writes one program's listings a chunk at a time, each chunk read in a transaction
	 * of its own and written once that has ended, so that a transaction the driver
	 * retries writes nothing twice.
	 * @return the number of rows written
	 */
	private int writeProgram(Session session, Value generation, String program, Writer out) throws IOException {
		int rows = 0;
		String after = "";
		while (true) {
			String from = after;
			List<Record> chunk = session.executeRead(
					(tx) -> tx
						.run(CypherFiles.get("export/listings"),
								Map.of("generation", generation, "program", program, "after", from, "limit",
										this.chunk))
						.list());
			for (Record record : chunk) {
				out.write(line(row(record)));
			}
			rows += chunk.size();
			if (chunk.size() < this.chunk) {
				return rows;
			}
			after = chunk.get(chunk.size() - 1).get("listingOrder").asString();
		}
	}

	/** The generation served now and its programs; null before any load. */
	private static @Nullable Record served(Session session) {
		return session.executeRead((tx) -> tx.run(CypherFiles.get("export/served-programs")).list())
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static List<String> row(Record record) {
		List<String> row = new ArrayList<>();
		row.add(record.get("program").asString());
		row.add(record.get("year").isNull() ? "" : String.valueOf(record.get("year").asInt()));
		row.add(String.valueOf(record.get("rank").asInt()));
		row.add(record.get("nameAsListed").asString());
		row.add(record.get("document").asString());
		row.add(String.valueOf(record.get("line").asInt()));
		row.add("Cluster:" + record.get("cluster").asString());
		row.add(record.get("clusterName").asString());
		List<Map<String, Object>> regions = record.get("regions").asList(Value::asMap);
		for (String level : LEVELS) {
			List<Map<String, Object>> atLevel = regions.stream().filter((r) -> level.equals(r.get("level"))).toList();
			row.add(atLevel.stream().map((r) -> (String) r.get("code")).sorted().collect(Collectors.joining(";")));
			row.add(atLevel.stream()
				.sorted((a, b) -> ((String) a.get("code")).compareTo((String) b.get("code")))
				.map((r) -> (String) r.get("name"))
				.collect(Collectors.joining(";")));
		}
		List<Map<String, Object>> industries = record.get("industries").asList(Value::asMap);
		row.add(industries.stream().map((i) -> (String) i.get("code")).collect(Collectors.joining(";")));
		row.add(industries.stream().map((i) -> (String) i.get("name")).collect(Collectors.joining(";")));
		List<String> aspects = record.get("aspects").asList(Value::asString);
		List<String> rules = record.get("rules").asList(Value::asString);
		for (String aspect : List.of("PLACE", "INDUSTRY", "IDENTITY")) {
			Set<String> used = new LinkedHashSet<>();
			for (int i = 0; i < aspects.size(); i++) {
				if (aspects.get(i).equals(aspect)) {
					used.add(rules.get(i));
				}
			}
			row.add(String.join(";", used));
		}
		row.add(record.get("industryConfidence").isNull() ? ""
				: String.format(Locale.ROOT, "%.2f", record.get("industryConfidence").asDouble()));
		row.add(String.join(" | ", record.get("industryEvidence").asList(Value::asString, List.of())));
		row.add(record.get("possibleMatches")
			.asList(Value::asMap)
			.stream()
			.map((m) -> String.format(Locale.ROOT, "Cluster:%s (%.2f)", m.get("key"), (Double) m.get("score")))
			.collect(Collectors.joining(";")));
		return row;
	}

	private static String line(List<String> fields) {
		return fields.stream().map(ListingCsvExporter::quote).collect(Collectors.joining(",")) + "\r\n";
	}

	private static String quote(String field) {
		if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
			return "\"" + field.replace("\"", "\"\"") + "\"";
		}
		return field;
	}

}
