package org.clustergraph.ingest;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shape digest that decides, beside the inputs, whether a store is reloaded.
 */
class GraphShapeTests {

	@TempDir
	Path root;

	@Test
	void changesWhenALoadStatementOrTheResolutionCodeChanges() throws Exception {
		write("cypher/load/merge-clusters.cypher", "MERGE (c:Cluster {key: row.key})");
		write("cypher/schema/cluster-key.cypher", "CREATE CONSTRAINT");
		write("org/clustergraph/ingest/internal/IndustryClassifier.class", "v1");
		write("org/clustergraph/ingest/GraphWriter.class", "w1");
		String before = digest();
		assertThat(digest()).isEqualTo(before);

		write("cypher/load/merge-clusters.cypher", "MERGE (c:Cluster {key: row.key}) SET c.newField = row.newField");
		String afterStatement = digest();
		assertThat(afterStatement).isNotEqualTo(before);

		write("org/clustergraph/ingest/internal/IndustryClassifier.class", "v2");
		assertThat(digest()).isNotEqualTo(afterStatement);
	}

	@Test
	void refusesAClassPathWithoutTheStatements() throws Exception {
		write("org/clustergraph/ingest/internal/IndustryClassifier.class", "v1");
		assertThatIllegalStateException().isThrownBy(this::digest).withMessageContaining("cypher/load");
	}

	@Test
	void coversTheStatementsAndCodeOfThisBuild() {
		assertThat(GraphShape.digest()).hasSize(64).isEqualTo(GraphShape.compute(getClass().getClassLoader()));
	}

	private String digest() throws Exception {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.root.toUri().toURL() }, null)) {
			return GraphShape.compute(loader);
		}
	}

	private void write(String path, String text) throws Exception {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
