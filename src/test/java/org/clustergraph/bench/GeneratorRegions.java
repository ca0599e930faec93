package org.clustergraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.clustergraph.ingest.internal.Csv;
import org.clustergraph.ingest.internal.Gazetteer;

/**
 * The regions the list generator names, read from the project's gazetteer tables
 * ({@code regions-nbs-2023.csv}, {@code zones.csv}, {@code region-aliases.csv}), with a
 * reader's test of whether a place word names one region only.
 *
 * <p>
 * The tree is the one the tables describe: statistical placeholders (市辖区, 省直辖县级行政区划) are
 * no places, so their children lie in the province; a prefecture-level city whose only
 * county-level row repeats its name (东莞市) has no counties. The generator writes a place
 * word only where, among every region and alias that word could name in its scope, it
 * names exactly the region meant, and where no longer region name starts at the same
 * character: that is, where a reader of the list could not read it another way.
 */
final class GeneratorRegions {

	/** Where a region sits in the tree. */
	enum Level {

		/** 省级. */
		PROVINCE,
		/** 地级. */
		PREFECTURE,
		/** 县级. */
		COUNTY,
		/** 乡级. */
		TOWNSHIP,
		/** A development zone (NBS county-level zone row or the project's zone table). */
		ZONE

	}

	/**
	 * One region.
	 *
	 * @param code the public code (6 digits, 9 for townships, {@code <host>Z<nn>} for the
	 * project's zones)
	 * @param name the official name
	 * @param shortName the name without its suffix; empty where the table gives none
	 * @param level its level
	 * @param parent the public code of the region it lies in; null for provinces
	 * @param kind the table's kind column ({@code TOWN}, {@code SUBDISTRICT}...), empty
	 * for ordinary units
	 */
	record Region(String code, String name, String shortName, Level level, @Nullable String parent, String kind) {
	}

	/**
	 * A curated place word.
	 *
	 * @param text the word
	 * @param targets the regions it names; empty for a word the tables tell readers to
	 * skip
	 * @param scope the region it is valid in; null when valid anywhere
	 */
	record Alias(String text, List<Region> targets, @Nullable Region scope) {
	}

	private static final Pattern AUTONOMOUS = Pattern.compile("^(\\p{IsHan}{2,}?)(?:\\p{IsHan}{1,3}族)+自治([县州旗])$");

	private final Map<String, Region> byCode;

	private final Map<String, List<Region>> children = new HashMap<>();

	private final Map<String, List<Region>> named = new HashMap<>();

	private final Map<String, List<Alias>> aliases = new HashMap<>();

	private final int longest;

	private GeneratorRegions(Map<String, Region> byCode, List<Alias> aliases) {
		this.byCode = byCode;
		int longest = 0;
		for (Region region : byCode.values()) {
			if (region.parent() != null) {
				this.children.computeIfAbsent(region.parent(), (p) -> new ArrayList<>()).add(region);
			}
			for (String word : words(region)) {
				List<Region> regions = this.named.computeIfAbsent(word, (w) -> new ArrayList<>());
				if (!regions.contains(region)) {
					regions.add(region);
				}
				longest = Math.max(longest, word.length());
			}
		}
		for (Alias alias : aliases) {
			this.aliases.computeIfAbsent(alias.text(), (t) -> new ArrayList<>()).add(alias);
			longest = Math.max(longest, alias.text().length());
		}
		this.longest = longest;
	}

	/**
	 * The words a region is written with: its name, its short name, and for autonomous
	 * units the name without the peoples' names (玉屏侗族自治县: 玉屏县, 玉屏).
	 */
	private static List<String> words(Region region) {
		List<String> words = new ArrayList<>();
		words.add(region.name());
		if (region.shortName().length() >= 2) {
			words.add(region.shortName());
		}
		Matcher autonomous = AUTONOMOUS.matcher(region.name());
		if (autonomous.matches()) {
			words.add(autonomous.group(1) + autonomous.group(2));
			words.add(autonomous.group(1));
		}
		return words;
	}

	/**
	 * The ways a list may write a region, shortest first: for an autonomous unit the name
	 * without its peoples' names (恩施, 恩施州), else the table's short name; then the
	 * official name. A short name the table gives with the peoples' names (恩施土家族苗族) is
	 * left out: lists do not write it.
	 * @param region the region
	 * @return the spellings
	 */
	static List<String> spellings(Region region) {
		List<String> spellings = new ArrayList<>();
		Matcher autonomous = AUTONOMOUS.matcher(region.name());
		if (autonomous.matches()) {
			spellings.add(autonomous.group(1));
		}
		if (region.shortName().length() >= 2 && !region.shortName().endsWith("族")) {
			spellings.add(region.shortName());
		}
		if (autonomous.matches()) {
			spellings.add(autonomous.group(1) + autonomous.group(2));
		}
		spellings.add(region.name());
		return spellings.stream().distinct().toList();
	}

	/**
	 * Reads the tables.
	 * @param reference the {@code reference/} directory of a seeds directory
	 * @return the regions
	 */
	static GeneratorRegions read(Path reference) {
		List<Csv.Row> rows = table(reference, "regions-nbs-2023.csv");
		Map<String, Csv.Row> byShortCode = new HashMap<>();
		Map<String, Integer> childCount = new HashMap<>();
		for (Csv.Row row : rows) {
			byShortCode.put(row.get("code"), row);
			childCount.merge(row.get("parent_code"), 1, Integer::sum);
		}
		Map<String, String> redirects = new HashMap<>();
		for (Csv.Row row : rows) {
			if ("PLACEHOLDER".equals(row.get("kind"))) {
				redirects.put(row.get("code"), row.get("parent_code"));
			}
			else if ("3".equals(row.get("level"))) {
				Csv.Row parent = byShortCode.get(row.get("parent_code"));
				if (parent != null && "2".equals(parent.get("level")) && parent.get("name").equals(row.get("name"))
						&& childCount.get(parent.get("code")) == 1) {
					redirects.put(row.get("code"), parent.get("code"));
				}
			}
		}
		Map<String, Region> byCode = new LinkedHashMap<>();
		for (Csv.Row row : rows) {
			if (redirects.containsKey(row.get("code"))) {
				continue;
			}
			Level level = switch (row.get("level")) {
				case "1" -> Level.PROVINCE;
				case "2" -> Level.PREFECTURE;
				case "3" -> "DEV_ZONE".equals(row.get("kind")) ? Level.ZONE : Level.COUNTY;
				default -> Level.TOWNSHIP;
			};
			String parent = Gazetteer.resolve(row.get("parent_code"), redirects);
			// the short name the project reads (Gazetteer.shortName), so that the lists
			// are
			// written with words the resolver knows
			Region region = new Region(Gazetteer.publicCode(row.get("code")), row.get("name"),
					Gazetteer.shortName(row.get("name"), row.get("short_name"), row.get("level")), level,
					parent.isEmpty() ? null : Gazetteer.publicCode(parent), row.get("kind"));
			byCode.put(region.code(), region);
		}
		for (Csv.Row row : table(reference, "zones.csv")) {
			String host = Gazetteer.publicCode(Gazetteer.resolve(row.get("host_code"), redirects));
			byCode.put(row.get("code"), new Region(row.get("code"), row.get("name"), "", Level.ZONE, host, "ZONE"));
		}
		List<Alias> aliases = new ArrayList<>();
		for (Csv.Row row : table(reference, "region-aliases.csv")) {
			List<Region> targets = new ArrayList<>();
			for (String code : row.get("codes").split(";")) {
				if (!code.isBlank()) {
					targets.add(byCode.get(Gazetteer.publicCode(Gazetteer.resolve(code.strip(), redirects))));
				}
			}
			Region scope = row.get("scope").isBlank() ? null
					: byCode.get(Gazetteer.publicCode(Gazetteer.resolve(row.get("scope"), redirects)));
			aliases.add(new Alias(row.get("alias"), List.copyOf(targets), scope));
		}
		return new GeneratorRegions(byCode, aliases);
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
	 * Every region, in table order (provinces, prefectures, counties, townships, then the
	 * project's zones).
	 * @return the regions
	 */
	List<Region> all() {
		return List.copyOf(this.byCode.values());
	}

	Region get(String code) {
		Region region = this.byCode.get(code);
		if (region == null) {
			throw new IllegalArgumentException("no region " + code);
		}
		return region;
	}

	List<Region> children(Region region) {
		return this.children.getOrDefault(region.code(), List.of());
	}

	/**
	 * The aliases whose only target is a region.
	 * @param region the region
	 * @return the aliases, in table order
	 */
	List<Alias> aliasesOf(Region region) {
		List<Alias> found = new ArrayList<>();
		this.aliases.values()
			.forEach((list) -> list.stream().filter((a) -> a.targets().equals(List.of(region))).forEach(found::add));
		return found;
	}

	/**
	 * Whether a text starts with a word that names a region or is a curated place word,
	 * at any level: a phrase that does cannot follow place words unread.
	 * @param text the text
	 * @return true when some region name or alias is a prefix of it
	 */
	boolean startsWithPlaceWord(String text) {
		for (int length = Math.min(this.longest, text.length()); length >= 2; length--) {
			String word = text.substring(0, length);
			if (this.named.containsKey(word) || this.aliases.containsKey(word)) {
				return true;
			}
		}
		return false;
	}

	Region province(Region region) {
		Region current = region;
		while (current.parent() != null) {
			current = get(current.parent());
		}
		return current;
	}

	/**
	 * The prefecture-level unit a region lies in: its prefecture; the municipality for
	 * Beijing, Tianjin, Shanghai and Chongqing; a county-level unit directly under its
	 * province is its own. The province itself for other provinces.
	 * @param region a region below the province level, or a province
	 * @return the unit
	 */
	Region prefectureUnit(Region region) {
		List<Region> chain = chain(region);
		Region province = chain.get(0);
		if (municipality(province) || chain.size() == 1) {
			return province;
		}
		return chain.get(1);
	}

	/**
	 * Whether a province is one of the four municipalities, which have no prefectures.
	 * @param province a province
	 * @return true for Beijing, Tianjin, Shanghai and Chongqing
	 */
	boolean municipality(Region province) {
		return Set.of("110000", "120000", "310000", "500000").contains(province.code());
	}

	/**
	 * The region and its ancestors, province first.
	 * @param region the region
	 * @return the chain
	 */
	List<Region> chain(Region region) {
		List<Region> chain = new ArrayList<>();
		Region current = region;
		while (current != null) {
			chain.add(0, current);
			current = (current.parent() != null) ? get(current.parent()) : null;
		}
		return chain;
	}

	boolean within(Region region, Region container) {
		Region current = region;
		while (current != null) {
			if (current.code().equals(container.code())) {
				return true;
			}
			current = (current.parent() != null) ? get(current.parent()) : null;
		}
		return false;
	}

	/**
	 * Whether a region's name or short name is also a name of another region above the
	 * township level: the same-name traps (朝阳区 of Beijing and of 长春, 鼓楼区 four times).
	 * @param region the region
	 * @return true when a word it is written with names another region too
	 */
	boolean sharesName(Region region) {
		return words(region).stream()
			.anyMatch((w) -> this.named.getOrDefault(w, List.of())
				.stream()
				.anyMatch((r) -> !r.equals(region) && r.level() != Level.TOWNSHIP));
	}

	/**
	 * Whether a word, at a position of a text, can be read as one region only: no longer
	 * place word starts there, and among the regions and aliases the word can name in its
	 * scope (inside it, or around it), there is exactly the one meant.
	 * @param text the whole text the word stands in
	 * @param at where the word starts
	 * @param word the word
	 * @param meant the region meant
	 * @param scope what a reader knows already (the list's context or the place word
	 * before); null when nothing
	 * @return true when a reader could not read the word another way
	 */
	boolean reads(String text, int at, String word, Region meant, @Nullable Region scope) {
		return reads(text, at, word, meant, scope, false);
	}

	/**
	 * Whether a word, at a position of a text, names the region meant, either as the only
	 * region it can name in its scope or, with {@code byLevel}, as the one of the highest
	 * level among them: lists write 中山 for 中山市 although 大连 has a 中山区, and 南昌 for 南昌市
	 * beside 南昌县, and readers take the larger unit.
	 * @param text the whole text the word stands in
	 * @param at where the word starts
	 * @param word the word
	 * @param meant the region meant
	 * @param scope what a reader knows already; null when nothing
	 * @param byLevel whether regions of a lower level may share the word
	 * @return true when the word is read as meant
	 */
	boolean reads(String text, int at, String word, Region meant, @Nullable Region scope, boolean byLevel) {
		if (!text.startsWith(word, at)) {
			throw new IllegalArgumentException("'" + word + "' is not at " + at + " of '" + text + "'");
		}
		for (int length = Math.min(this.longest, text.length() - at); length > word.length(); length--) {
			String longer = text.substring(at, at + length);
			if (this.named.containsKey(longer) || this.aliases.containsKey(longer)) {
				return false;
			}
		}
		List<Alias> aliasHits = this.aliases.getOrDefault(word, List.of())
			.stream()
			.filter((a) -> admissible(a, scope))
			.toList();
		if (!aliasHits.isEmpty()) {
			return aliasHits.size() == 1 && aliasHits.get(0).targets().equals(List.of(meant));
		}
		List<Region> hits = this.named.getOrDefault(word, List.of())
			.stream()
			.filter((r) -> admissible(r, scope))
			.toList();
		if (byLevel) {
			return hits.contains(meant)
					&& hits.stream().allMatch((r) -> r.equals(meant) || r.level().ordinal() > meant.level().ordinal());
		}
		return hits.equals(List.of(meant));
	}

	private boolean admissible(Region region, @Nullable Region scope) {
		if (scope == null) {
			return region.level() != Level.TOWNSHIP;
		}
		if (within(region, scope)) {
			return region.level() != Level.TOWNSHIP || scope.level() != Level.PROVINCE;
		}
		return within(scope, region);
	}

	private boolean admissible(Alias alias, @Nullable Region scope) {
		if (alias.scope() != null
				&& (scope == null || !(within(scope, alias.scope()) || within(alias.scope(), scope)))) {
			return false;
		}
		return scope == null || alias.targets().stream().allMatch((t) -> within(t, scope) || within(scope, t));
	}

}
