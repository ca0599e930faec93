package org.clustergraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The project's Cypher statements, one per {@code .cypher} file under {@code cypher/} on
 * the class path, read once and kept: {@code CypherFiles.get("load/merge-regions")}.
 */
public final class CypherFiles {

	private static final Map<String, String> cache = new ConcurrentHashMap<>();

	private CypherFiles() {
	}

	/**
	 * One statement.
	 * @param name the path under {@code cypher/} without {@code .cypher}
	 * @return the statement, its comment lines removed
	 * @throws IllegalArgumentException when there is no such file
	 */
	public static String get(String name) {
		return cache.computeIfAbsent(name, CypherFiles::read);
	}

	/**
	 * Whether there is such a statement.
	 * @param name the path under {@code cypher/} without {@code .cypher}
	 * @return whether its file is on the class path
	 */
	public static boolean exists(String name) {
		return cache.containsKey(name)
				|| CypherFiles.class.getClassLoader().getResource("cypher/" + name + ".cypher") != null;
	}

	/**
	 * Every statement of a folder, in file-name order.
	 * @param folder the folder under {@code cypher/}
	 * @return the statement names, usable with {@link #get(String)}
	 */
	public static List<String> folder(String folder) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:cypher/" + folder + "/*.cypher");
			return Arrays.stream(resources)
				.map(Resource::getFilename)
				.filter((name) -> name != null)
				.sorted()
				.map((name) -> folder + "/" + name.substring(0, name.length() - ".cypher".length()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(String name) {
		try (InputStream in = CypherFiles.class.getClassLoader().getResourceAsStream("cypher/" + name + ".cypher")) {
			if (in == null) {
				throw new IllegalArgumentException("No Cypher file cypher/" + name + ".cypher");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.strip().startsWith("//"))
				.collect(Collectors.joining("\n"))
				.strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
