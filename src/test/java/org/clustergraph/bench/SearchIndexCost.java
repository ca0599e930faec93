package org.clustergraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * What one call of each full-text index costs for the texts query 8 searches
 * ({@link CanonicalQuery#SEARCH_TEXTS}), built into the Lucene query the API sends
 * ({@link CanonicalQuery#luceneQuery}), one call at a time over Bolt, each index in turn
 * in every round. Prints the mean per call of each round (the first is a warm-up) and the
 * costliest texts of the single characters' index beside the pairs'. Run by
 * {@code bench/search-indexes.sh}; not a test.
 */
public final class SearchIndexCost {

	private static final String[] INDEXES = { "search_names", "search_pairs" };

	private static final String CALL = """
			CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
			RETURN count(*) AS hits""";

	private SearchIndexCost() {
	}

	/**
	 * Measures.
	 * @param args the Bolt URI, the file holding the password, the rounds and how many of
	 * the costliest texts to print
	 * @throws IOException when the password file cannot be read
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 4) {
			System.err.println("usage: SearchIndexCost BOLT_URI PASSWORD_FILE ROUNDS COSTLIEST");
			System.exit(2);
		}
		String password = Files.readString(Path.of(args[1])).strip();
		int rounds = Integer.parseInt(args[2]);
		int costliest = Integer.parseInt(args[3]);
		try (Driver driver = GraphDatabase.driver(args[0], AuthTokens.basic("neo4j", password));
				Session session = driver.session()) {
			List<String> texts = session
				.executeRead((tx) -> tx.run(CanonicalQuery.SEARCH_TEXTS).list((row) -> row.get("text").asString()));
			System.out.printf(Locale.ROOT, "%,d texts, %d hits each, %d rounds (the first a warm-up)%n", texts.size(),
					CanonicalQuery.SEARCH_HITS, rounds);
			// per text and index, the milliseconds of every round after the first
			double[][] spent = new double[texts.size()][INDEXES.length];
			for (int round = 1; round <= rounds; round++) {
				for (int index = 0; index < INDEXES.length; index++) {
					long total = 0;
					for (int t = 0; t < texts.size(); t++) {
						Map<String, Object> parameters = Map.of("index", INDEXES[index], "query",
								CanonicalQuery.luceneQuery(texts.get(t)), "limit", CanonicalQuery.SEARCH_HITS);
						long started = System.nanoTime();
						session.run(CALL, parameters).consume();
						long took = System.nanoTime() - started;
						total += took;
						if (round > 1) {
							spent[t][index] += took / 1e6;
						}
					}
					System.out.printf(Locale.ROOT, "round %d %-13s %.2f ms a call%n", round, INDEXES[index],
							total / 1e6 / texts.size());
				}
			}
			List<Integer> order = new ArrayList<>();
			for (int t = 0; t < texts.size(); t++) {
				order.add(t);
			}
			order.sort((a, b) -> Double.compare(spent[b][0], spent[a][0]));
			int measured = Math.max(1, rounds - 1);
			System.out.printf(Locale.ROOT, "costliest by single characters (mean of the rounds after the first):%n");
			for (int t : order.subList(0, Math.min(costliest, order.size()))) {
				System.out.printf(Locale.ROOT, "  %-24s characters %6.1f ms  pairs %6.1f ms%n", texts.get(t),
						spent[t][0] / measured, spent[t][1] / measured);
			}
		}
	}

}
