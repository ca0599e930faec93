package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Finds the industry whose texts (its name, its note, the curated words for it) are
 * nearest to a phrase by the characters they share: single characters and pairs of
 * adjacent characters, weighted by how rare they are across the classification. The score
 * is mostly how much of the phrase's weight an industry's texts contain (a phrase is
 * short, a note long) and a little their TF-IDF cosine, which prefers the industry whose
 * texts are most about those characters. Chinese industry phrases need no segmentation
 * for this, and a phrase never seen before still finds the class whose texts use its rare
 * characters.
 */
final class CharacterIndex {

	/** A pair of characters counts this much more than a single one. */
	private static final double PAIR_WEIGHT = 2.0;

	private final List<Document> documents;

	private final Map<String, Double> idf;

	private final double unseen;

	private CharacterIndex(List<Document> documents, Map<String, Double> idf, double unseen) {
		this.unseen = unseen;
		this.documents = documents;
		this.idf = idf;
	}

	/**
	 * Indexes the divisions, groups and classes.
	 * @param tree the classification
	 * @param texts more text for an industry, by code (its note, its curated words)
	 * @return the index
	 */
	static CharacterIndex of(IndustryTree tree, Map<String, List<String>> texts) {
		Map<IndustryTree.Industry, Map<String, Double>> counts = new LinkedHashMap<>();
		for (IndustryTree.Industry industry : tree.all()) {
			if (industry.level().equals("SECTION")) {
				continue;
			}
			Map<String, Double> grams = new HashMap<>();
			count(Text.normalize(industry.name()), 3.0, grams);
			for (String text : texts.getOrDefault(industry.code(), List.of())) {
				count(Text.normalize(text), 1.0, grams);
			}
			counts.put(industry, grams);
		}
		Map<String, Integer> documentFrequency = new HashMap<>();
		counts.values().forEach((grams) -> grams.keySet().forEach((g) -> documentFrequency.merge(g, 1, Integer::sum)));
		Map<String, Double> idf = new HashMap<>();
		int n = counts.size();
		documentFrequency.forEach((g, df) -> idf.put(g, Math.log((double) n / df)));
		List<Document> documents = new ArrayList<>();
		counts.forEach((industry, grams) -> {
			Map<String, Double> vector = weigh(grams, idf);
			documents.add(new Document(industry, vector, norm(vector)));
		});
		return new CharacterIndex(List.copyOf(documents), Map.copyOf(idf), Math.log(n));
	}

	/**
	 * The industries nearest to a phrase.
	 * @param phrase the phrase
	 * @param scope the industries to look among
	 * @param limit how many to return at most
	 * @return the nearest first, each with its score and the grams it shares
	 */
	List<Match> nearest(String phrase, Predicate<IndustryTree.Industry> scope, int limit) {
		Map<String, Double> grams = new HashMap<>();
		count(Text.normalize(phrase), 1.0, grams);
		// a pair or character no industry's text has is as rare as can be: it counts
		// against
		// every industry's share of the phrase
		Map<String, Double> query = weigh(grams, this.idf, this.unseen);
		double queryNorm = norm(query);
		if (queryNorm == 0) {
			return List.of();
		}
		List<Match> matches = new ArrayList<>();
		for (Document document : this.documents) {
			if (!scope.test(document.industry())) {
				continue;
			}
			double dot = 0;
			double found = 0;
			List<String> shared = new ArrayList<>();
			for (Map.Entry<String, Double> gram : query.entrySet()) {
				Double weight = document.vector().get(gram.getKey());
				if (weight != null) {
					dot += weight * gram.getValue();
					found += gram.getValue() * gram.getValue();
					shared.add(gram.getKey());
				}
			}
			if (dot > 0) {
				shared
					.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
				double coverage = found / (queryNorm * queryNorm);
				double cosine = dot / (queryNorm * document.norm());
				matches.add(new Match(document.industry(), 0.8 * coverage + 0.2 * cosine, List.copyOf(shared)));
			}
		}
		matches.sort(Comparator.comparingDouble(Match::score)
			.reversed()
			.thenComparing((m) -> m.industry().code().length())
			.thenComparing((m) -> m.industry().code()));
		return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
	}

	/**
	 * The nearest industry to a phrase.
	 * @param phrase the phrase
	 * @param scope the industries to look among
	 * @return the nearest, or null when no industry shares a character with it
	 */
	@Nullable Match best(String phrase, Predicate<IndustryTree.Industry> scope) {
		List<Match> nearest = nearest(phrase, scope, 1);
		return nearest.isEmpty() ? null : nearest.get(0);
	}

	private static void count(String text, double weight, Map<String, Double> grams) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isLetter(c)) {
				continue;
			}
			grams.merge(String.valueOf(c), weight, Double::sum);
			if (i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
				grams.merge(text.substring(i, i + 2), weight * PAIR_WEIGHT, Double::sum);
			}
		}
	}

	private static Map<String, Double> weigh(Map<String, Double> grams, Map<String, Double> idf) {
		return weigh(grams, idf, 0);
	}

	private static Map<String, Double> weigh(Map<String, Double> grams, Map<String, Double> idf, double unseen) {
		Map<String, Double> vector = new HashMap<>();
		grams.forEach((g, tf) -> {
			Double weight = idf.getOrDefault(g, unseen);
			if (weight != null && weight > 0) {
				vector.put(g, (1 + Math.log(tf)) * weight);
			}
		});
		return vector;
	}

	private static double norm(Map<String, Double> vector) {
		return Math.sqrt(sum(vector.values()));
	}

	private static double sum(Collection<Double> values) {
		double sum = 0;
		for (double v : values) {
			sum += v * v;
		}
		return sum;
	}

	private record Document(IndustryTree.Industry industry, Map<String, Double> vector, double norm) {
	}

	/**
	 * An industry near a phrase.
	 *
	 * @param industry the industry
	 * @param score how near, 0 to 1
	 * @param shared the characters and pairs the phrase and the industry's texts share
	 */
	record Match(IndustryTree.Industry industry, double score, List<String> shared) {
	}

}
