package org.clustergraph.graph;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
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
 * Answers {@code search} from the full-text index over every name ({@link SearchQuery}):
 * first with every term of the text required, and only when that finds fewer names than
 * asked for, with any of them. Requiring every term keeps a search's cost to the names
 * that hold its rarest term; any of them, on a large graph, reads nearly every name for
 * text of common characters.
 */
@Controller
@Transactional(readOnly = true)
class SearchController {

	static final int MAX_TEXT = 100;

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
		SearchQuery query = SearchQuery.of(normalized);
		int wanted = page.first();
		if (query.allTerms() != null) {
			List<SearchHit> hits = served(query.allTerms(), wanted);
			if (hits.size() == wanted) {
				return hits;
			}
		}
		return served(query.anyTerm(), wanted);
	}

	/** The first hits of a query that are of the served graph, at most {@code wanted}. */
	private List<SearchHit> served(String query, int wanted) {
		// the index holds the names of a generation being staged too: read more
		// hits until enough are served or the index has no more
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

	/**
	 * One search result.
	 *
	 * @param node a Cluster, Region, Industry or Program
	 * @param score the full-text score, higher is better
	 */
	record SearchHit(Object node, double score) {
	}

}
