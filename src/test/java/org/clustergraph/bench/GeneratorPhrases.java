package org.clustergraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.clustergraph.ingest.internal.Csv;

/**
 * The industry phrases the list generator names clusters with, each with the GB/T
 * 4754-2017 class it means: the words of the product vocabulary
 * ({@code product-vocabulary.csv}) and the class names of the standard
 * ({@code gbt4754-2017.csv}) without their trailing 制造, for the classes the vocabulary
 * covers (every class of sections A to D and the services clusters name).
 *
 * <p>
 * A phrase is left out when its class would be a guess or its place in a name would be: a
 * vocabulary word filed under two classes, a phrase that two classes give, a residual
 * class (其他...) or a name that lists several things (、), anything but Chinese characters,
 * a single character, and a phrase that starts with a region name or a curated place word
 * (葡萄 is also a town), since a reader could not tell where the place words of a name with
 * it end.
 */
final class GeneratorPhrases {

	/**
	 * One phrase.
	 *
	 * @param classCode the class it means
	 * @param text the phrase
	 * @param source {@code vocabulary} or {@code class-name}
	 */
	record Phrase(String classCode, String text, String source) {
	}

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}{2,10}");

	/** Words lists put before an industry to say which kind of it they mean. */
	static final List<String> MODIFIERS = List.of("高端", "智能", "新型", "绿色", "精密", "特色", "现代");

	/** Characters an industry phrase never starts with: the suffixes of region names. */
	private static final String REGION_SUFFIXES = "区县市州镇乡旗盟";

	private final List<Phrase> all;

	private final Map<String, List<Phrase>> byClass = new LinkedHashMap<>();

	private final Map<String, String> sections = new HashMap<>();

	private GeneratorPhrases(List<Phrase> all, Map<String, String> sections) {
		this.all = List.copyOf(all);
		for (Phrase phrase : all) {
			this.byClass.computeIfAbsent(phrase.classCode(), (c) -> new ArrayList<>()).add(phrase);
		}
		this.sections.putAll(sections);
	}

	/**
	 * Reads the tables.
	 * @param reference the {@code reference/} directory of a seeds directory
	 * @param regions the regions, to leave out phrases that start with a place word
	 * @return the phrases
	 */
	static GeneratorPhrases read(Path reference, GeneratorRegions regions) {
		List<Csv.Row> vocabulary = table(reference, "product-vocabulary.csv");
		List<Csv.Row> tree = table(reference, "gbt4754-2017.csv");
		Map<String, Integer> termRows = new HashMap<>();
		vocabulary.forEach((row) -> termRows.merge(row.get("term"), 1, Integer::sum));
		Map<String, String> parents = new HashMap<>();
		tree.forEach((row) -> parents.put(row.get("code"), row.get("parent_code")));
		Map<String, String> sections = new HashMap<>();
		for (Csv.Row row : tree) {
			String code = row.get("code");
			String section = code;
			while (!parents.getOrDefault(section, "").isEmpty()) {
				section = parents.get(section);
			}
			sections.put(code, section);
		}
		Set<String> vocabularyClasses = new HashSet<>();
		vocabulary.forEach((row) -> vocabularyClasses.add(row.get("code")));
		List<Phrase> candidates = new ArrayList<>();
		for (Csv.Row row : vocabulary) {
			if (termRows.get(row.get("term")) == 1) {
				candidates.add(new Phrase(row.get("code"), row.get("term"), "vocabulary"));
			}
		}
		for (Csv.Row row : tree) {
			String name = row.get("name");
			if (!row.get("level").equals("CLASS") || !vocabularyClasses.contains(row.get("code"))
					|| name.startsWith("其他") || name.contains("、") || name.contains("等")) {
				continue;
			}
			String text = (name.endsWith("制造") && name.length() >= 4) ? name.substring(0, name.length() - 2) : name;
			candidates.add(new Phrase(row.get("code"), text, "class-name"));
		}
		Map<String, Set<String>> classesOf = new HashMap<>();
		candidates.forEach((p) -> classesOf.computeIfAbsent(p.text(), (t) -> new HashSet<>()).add(p.classCode()));
		List<Phrase> kept = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Phrase phrase : candidates) {
			if (classesOf.get(phrase.text()).size() == 1 && usable(phrase.text(), regions) && seen.add(phrase.text())) {
				kept.add(phrase);
			}
		}
		return new GeneratorPhrases(kept, sections);
	}

	/**
	 * Whether a phrase can stand after place words: Chinese characters only, two or more,
	 * and no place word at its start.
	 * @param text the phrase
	 * @param regions the regions
	 * @return true when usable
	 */
	static boolean usable(String text, GeneratorRegions regions) {
		return HAN.matcher(text).matches() && REGION_SUFFIXES.indexOf(text.charAt(0)) < 0
				&& !regions.startsWithPlaceWord(text);
	}

	/**
	 * Whether two phrases have a word in common, taken as two adjacent characters (人造草坪
	 * and 仿真草坪 share 草坪): the synonyms of a phrase are the phrases of its class that do.
	 * Two products of one class with no word in common (锁具 and 合页) are not two names of
	 * one cluster's industry.
	 * @param a a phrase
	 * @param b another
	 * @return true when some two adjacent characters of one occur in the other
	 */
	static boolean shareAWord(String a, String b) {
		for (int i = 0; i + 2 <= a.length(); i++) {
			if (b.contains(a.substring(i, i + 2))) {
				return true;
			}
		}
		return false;
	}

	private static List<Csv.Row> table(Path reference, String file) {
		try {
			return Csv.read(file, Files.readAllLines(reference.resolve(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every phrase, vocabulary words first, in table order.
	 * @return the phrases
	 */
	List<Phrase> all() {
		return this.all;
	}

	/**
	 * The phrases of one class.
	 * @param classCode the class
	 * @return its phrases, in table order
	 */
	List<Phrase> of(String classCode) {
		return this.byClass.getOrDefault(classCode, List.of());
	}

	/**
	 * The section of a code of the standard.
	 * @param code a code
	 * @return the section letter
	 */
	String section(String code) {
		return this.sections.get(code);
	}

}
