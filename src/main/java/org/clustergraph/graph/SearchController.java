package org.clustergraph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * Answers {@code search} from the full-text indexes over every name. {@code search_names}
 * splits Chinese text into single characters, {@code search_pairs} into pairs of adjacent
 * characters; either is asked for the text as a phrase, which ranks names holding the
 * text as written first, and as its terms, any of which may match. A text with two
 * adjacent Chinese characters is searched by its pairs first, since a pair is held by far
 * fewer names than each of its characters; when the pairs find fewer names than asked
 * for, the names that share only single characters with the text follow, ranked below
 * every name found by a pair. A text without such a pair (one character, or characters
 * apart) is searched by its characters alone.
 */
@Controller
@Transactional(readOnly = true)
class SearchController {

	static final int MAX_TEXT = 100;

	/** The index of single characters. */
	static final String CHARACTERS = "search_names";

	/** The index of pairs of adjacent Chinese characters. */
	static final String PAIRS = "search_pairs";

	private final Reads reads;

	SearchController(Reads reads) {
		this.reads = reads;
	}

	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument @Nullable Integer first) {
		PageRequest page = PageRequest.of(first, null);
		FilterText.requireWellFormed("text", text);
		String normalized = SearchText.normalize(text);
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
		String query = SearchText.luceneQuery(normalized);
		int wanted = page.first();
		if (!SearchText.hasPair(normalized)) {
			return hits(CHARACTERS, query, wanted);
		}
		List<SearchHit> pairs = hits(PAIRS, query, wanted);
		if (pairs.size() == wanted) {
			return pairs;
		}
		// every name holding a pair holds its characters too, so the characters' first
		// wanted + found hits hold the wanted others
		List<SearchHit> characters = hits(CHARACTERS, query, wanted + pairs.size());
		return withCharacters(pairs, characters, wanted);
	}

	/**
	 * The hits of the pairs followed by those of the characters that the pairs did not
	 * find, the latter scaled below the lowest pair's score (keeping their order), so
	 * that scores still fall from first to last.
	 */
	static List<SearchHit> withCharacters(List<SearchHit> pairs, List<SearchHit> characters, int wanted) {
		if (pairs.isEmpty()) {
			return characters.stream().limit(wanted).toList();
		}
		Set<Object> found = new HashSet<>();
		pairs.forEach((hit) -> found.add(hit.node()));
		List<SearchHit> others = characters.stream()
			.filter((hit) -> !found.contains(hit.node()))
			.limit(wanted - pairs.size())
			.toList();
		if (others.isEmpty()) {
			return pairs;
		}
		double scale = pairs.getLast().score() / (2 * others.getFirst().score());
		List<SearchHit> all = new ArrayList<>(pairs);
		others.forEach((hit) -> all.add(new SearchHit(hit.node(), hit.score() * scale)));
		return all;
	}

	/** The first {@code wanted} hits of the served graph in one index. */
	private List<SearchHit> hits(String index, String query, int wanted) {
		// the index holds the names of a generation being staged too: read more
		// hits until enough are served or the index has no more
		for (long hits = wanted;; hits *= 4) {
			Collection<Map<String, Object>> rows = this.reads.all("api/search",
					Map.of("index", index, "query", query, "limit", Math.min(hits, Integer.MAX_VALUE)));
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
