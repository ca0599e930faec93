package org.clustergraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.clustergraph.neo4j.CypherFiles;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

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

	private final Driver driver;

	private final SessionConfig sessionConfig;

	ListingCsvExporter(Driver driver, SessionConfig sessionConfig) {
		this.driver = driver;
		this.sessionConfig = sessionConfig;
	}

	/**
	 * Writes the table.
	 * @param file the CSV file to write (UTF-8 with a byte-order mark, so spreadsheets
	 * read the Chinese text)
	 * @return the number of listing rows written
	 */
	public int export(Path file) {
		List<Record> records;
		try (Session session = this.driver.session(this.sessionConfig)) {
			records = session.executeRead((tx) -> tx.run(CypherFiles.get("export/listings")).list());
		}
		try {
			if (file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				out.write('\uFEFF');
				out.write(line(HEADER));
				for (Record record : records) {
					out.write(line(row(record)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
		return records.size();
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
