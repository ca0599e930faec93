package org.clustergraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.clustergraph.ingest.internal.Csv;
import org.clustergraph.ingest.internal.DirectorySeedFiles;
import org.clustergraph.ingest.internal.ListingParser;
import org.clustergraph.ingest.internal.ProgramCatalog;
import org.clustergraph.ingest.internal.ProgramDescriptor;
import org.clustergraph.ingest.internal.RawListing;
import org.clustergraph.ingest.internal.ResolutionPipeline;
import org.clustergraph.ingest.internal.SeedFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic list generator at its smallest size: the same seed gives the same bytes,
 * and what it writes is a seeds directory the parser and the whole resolution read into
 * exactly the listings its truth names.
 */
class ListGeneratorTests {

	@TempDir
	static Path directory;

	static Path generated;

	static List<Csv.Row> truth;

	@BeforeAll
	static void generate() throws IOException {
		generated = directory.resolve("a");
		ListGenerator.generate(1, 42, Path.of("seeds"), generated);
		truth = Csv.read("truth.csv", Files.readAllLines(generated.resolve("truth.csv")), "document", "line", "name",
				"cluster", "region", "class");
	}

	@Test
	void writesTheSameBytesForTheSameSeedAndOtherListsForAnother() throws IOException {
		Path again = directory.resolve("b");
		ListGenerator.generate(1, 42, Path.of("seeds"), again);
		Map<Path, byte[]> first = files(generated);
		Map<Path, byte[]> second = files(again);
		assertThat(second.keySet()).isEqualTo(first.keySet());
		first.forEach((path, bytes) -> assertThat(second.get(path)).as(path.toString()).isEqualTo(bytes));
		Path other = directory.resolve("c");
		ListGenerator.generate(1, 43, Path.of("seeds"), other);
		assertThat(Files.readString(other.resolve("truth.csv")))
			.isNotEqualTo(Files.readString(generated.resolve("truth.csv")));
	}

	@Test
	void writesDocumentsTheParserReadsIntoTheListingsOfTheTruth() throws IOException {
		SeedFiles files = DirectorySeedFiles.of(generated);
		List<ProgramDescriptor> programs = ProgramCatalog
			.read(new String(files.bytes(ProgramCatalog.FILE), StandardCharsets.UTF_8));
		List<RawListing> listings = new ArrayList<>();
		for (ProgramDescriptor program : programs) {
			ListingParser.Result result = new ListingParser().parse(program, files.lines(program.document()));
			assertThat(result.problems()).as(program.key()).isEmpty();
			listings.addAll(result.listings());
		}
		assertThat(listings).hasSize(truth.size()).hasSizeGreaterThan(600);
		Map<String, String> names = new HashMap<>();
		truth.forEach((row) -> names.put(row.get("document") + ":" + row.get("line"), row.get("name")));
		for (RawListing listing : listings) {
			assertThat(names.get(listing.document() + ":" + listing.line())).isEqualTo(listing.nameAsListed());
		}
		assertThat(truth.stream().map((r) -> r.get("cluster")).distinct().count()).isLessThan(truth.size());
	}

	@Test
	void writesADirectoryTheWholeResolutionLoads() {
		ResolutionPipeline.Outcome outcome = new ResolutionPipeline(DirectorySeedFiles.of(generated), "test").run();
		assertThat(outcome.report().listings()).isEqualTo(truth.size());
	}

	private static Map<Path, byte[]> files(Path root) throws IOException {
		Map<Path, byte[]> files = new HashMap<>();
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				files.put(root.relativize(path), Files.readAllBytes(path));
			}
		}
		return files;
	}

}
