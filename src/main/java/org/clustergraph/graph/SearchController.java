package org.clustergraph.graph;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.clustergraph.api.BadRequestException;
import org.clustergraph.api.FilterText;
import org.clustergraph.api.PageRequest;
import org.clustergraph.cluster.Cluster;
import org.clustergraph.industry.Industry;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.Program;
import org.clustergraph.region.Region;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code search} from the full-text index over every name. The index splits
 * Chinese text into single characters, so the text is searched as its characters (any of
 * them may match) and as a phrase, which ranks names holding the text as written first.
 */
@Controller
@Transactional(readOnly = true)
class SearchController {

	static final int MAX_TEXT = 100;

	private static final String LUCENE_SPECIAL = "\\+-!():^[]\"{}~*?|&/";

	private final Reads reads;

	SearchController(Reads reads) {
		this.reads = reads;
	}

	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument @Nullable Integer first) {
		PageRequest page = PageRequest.of(first, null);
		FilterText.requireWellFormed("text", text);
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		if (normalized.isEmpty()) {
			throw new BadRequestException("text must not be empty");
		}
		if (normalized.length() > MAX_TEXT) {
			throw new BadRequestException(
					"text may be at most " + MAX_TEXT + " characters (it had " + normalized.length() + ")");
		}
		if (page.first() == 0) {
			return List.of();
		}
		// Lucene's parser reads AND, OR and NOT in capitals as operators ("AND" alone is
		// a
		// syntax error); the analyzer lowercases every term anyway, so lowercase text
		// matches the same names and is never an operator.
		String escaped = escape(normalized.toLowerCase(Locale.ROOT));
		String query = "\"" + escaped + "\"^4 OR (" + escaped + ")";
		// the index holds the names of a generation being staged too: read more
		// hits until enough are served or the index has no more
		int wanted = page.first();
		for (long hits = wanted;; hits *= 4) {
			Collection<Map<String, Object>> rows = this.reads.all("api/search",
					Map.of("query", query, "limit", Math.min(hits, Integer.MAX_VALUE)));
			List<SearchHit> served = rows.stream()
				.filter((row) -> Boolean.TRUE.equals(row.get("served")))
				.limit(wanted)
				.map((row) -> new SearchHit(
						node(Objects.requireNonNull(Rows.string(row, "label")), Rows.map(row, "node")),
						((Number) Objects.requireNonNull(row.get("score"))).doubleValue()))
				.toList();
			if (served.size() == wanted || rows.size() < hits || hits >= Integer.MAX_VALUE) {
				return served;
			}
		}
	}

	private static Object node(String label, Map<?, ?> row) {
		return switch (label) {
			case "Cluster" -> Cluster.of(row);
			case "Region" -> Region.of(row);
			case "Industry" -> Industry.of(row);
			default -> Program.of(row);
		};
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() * 2);
		for (char c : text.toCharArray()) {
			if (LUCENE_SPECIAL.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	/**
	 * One search result.
	 *
	 * @param node a Cluster, Region, Industry or Program
	 * @param score the full-text score, higher is better
	 */
	record SearchHit(Object node, double score) {
	}

}
