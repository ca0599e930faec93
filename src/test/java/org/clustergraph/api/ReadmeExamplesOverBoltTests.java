package org.clustergraph.api;

import org.clustergraph.neo4j.Reads;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples answered with the embedded database read over Bolt, the way an
 * external server or cluster is read (the default reads it in process): both ways give
 * the same answers.
 */
@TestPropertySource(properties = "clustergraph.embedded.reads=bolt")
class ReadmeExamplesOverBoltTests extends ReadmeExamplesTests {

	@Autowired
	Reads reads;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void readsOverBoltInSpringDataNeo4jsTransactions() {
		assertThat(this.reads.getClass().getSimpleName()).isEqualTo("BoltReads");
		assertThat(this.transactions).isInstanceOf(Neo4jTransactionManager.class);
	}

}
