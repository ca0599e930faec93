package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The administrative tree of China from the NBS table, with statistical placeholders
 * removed, prefecture-level cities without counties folded into one region, and
 * development zones from the NBS table and the project's zone table.
 */
public final class Gazetteer {

	private static final Pattern AUTONOMOUS = Pattern.compile("^(\\p{IsHan}{2,}?)(?:\\p{IsHan}{1,3}族)+自治([县州旗])$");

	private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");

	private final Map<String, Place> byCode;

	private final Map<String, List<Place>> byName = new HashMap<>();

	private final Map<String, String> redirects;

	private Gazetteer(Map<String, Place> byCode, Map<String, String> redirects) {
		this.byCode = byCode;
		this.redirects = redirects;
		for (Place place : byCode.values()) {
			index(place.name(), place);
			if (!place.shortName().isEmpty() && place.shortName().length() >= 2) {
				index(place.shortName(), place);
			}
			// Autonomous units are written without their peoples' names: 玉屏侗族自治县
			// as 玉屏县 or 玉屏, 恩施土家族苗族自治州 as 恩施州.
			Matcher autonomous = AUTONOMOUS.matcher(place.name());
			if (autonomous.matches()) {
				index(autonomous.group(1) + autonomous.group(2), place);
				index(autonomous.group(1), place);
			}
		}
	}

	private void index(String name, Place place) {
		List<Place> places = this.byName.computeIfAbsent(Text.normalize(name), (n) -> new ArrayList<>());
		if (!places.contains(place)) {
			places.add(place);
		}
	}

	/**
	 * Builds the gazetteer from the NBS table and the project's zone table.
	 * @param regions the rows of {@code regions-nbs-2023.csv}
	 * @param zones the rows of {@code zones.csv}
	 * @return the gazetteer
	 * @throws SourceException naming the file and line of any row that does not fit the
	 * tree
	 */
	public static Gazetteer of(List<Csv.Row> regions, List<Csv.Row> zones) {
		Map<String, Csv.Row> rows = new LinkedHashMap<>();
		Map<String, List<Csv.Row>> children = new HashMap<>();
		for (Csv.Row row : regions) {
			rows.put(row.get("code"), row);
			children.computeIfAbsent(row.get("parent_code"), (p) -> new ArrayList<>()).add(row);
		}
		// Statistical placeholders (市辖区, 省直辖县级行政区划) are not places: their children
		// belong to the province. A prefecture-level city without counties (东莞, 嘉峪关)
		// appears a second time as its own only county: one region.
		Map<String, String> redirects = new HashMap<>();
		for (Csv.Row row : regions) {
			if ("PLACEHOLDER".equals(row.get("kind"))) {
				redirects.put(row.get("code"), row.get("parent_code"));
			}
			else if ("3".equals(row.get("level"))) {
				Csv.Row parent = rows.get(row.get("parent_code"));
				if (parent != null && "2".equals(parent.get("level")) && parent.get("name").equals(row.get("name"))
						&& children.get(parent.get("code")).size() == 1) {
					redirects.put(row.get("code"), parent.get("code"));
				}
			}
		}
		Map<String, Place> byCode = new LinkedHashMap<>();
		for (Csv.Row row : regions) {
			String code = row.get("code");
			if (redirects.containsKey(code)) {
				continue;
			}
			Place.Level level = switch (row.get("level")) {
				case "1" -> Place.Level.PROVINCE;
				case "2" -> Place.Level.PREFECTURE;
				case "3" -> "DEV_ZONE".equals(row.get("kind")) ? Place.Level.ZONE : Place.Level.COUNTY;
				case "4" -> Place.Level.TOWNSHIP;
				default -> throw new SourceException(row.problem("unknown level '" + row.get("level") + "'"));
			};
			String parent = resolve(row.get("parent_code"), redirects);
			Place place = new Place(publicCode(code), row.get("name"),
					shortName(row.get("name"), row.get("short_name"), row.get("level")), level,
					parent.isEmpty() ? null : publicCode(parent), "NBS 2023 (regions-nbs-2023.csv:" + row.line() + ")");
			byCode.put(place.code(), place);
		}
		for (Csv.Row row : zones) {
			String host = publicCode(resolve(row.get("host_code"), redirects));
			if (!byCode.containsKey(host)) {
				throw new SourceException(row.problem("host_code '" + row.get("host_code") + "' is not a region"));
			}
			if (byCode.containsKey(row.get("code"))) {
				throw new SourceException(row.problem("zone code '" + row.get("code") + "' is used twice"));
			}
			byCode.put(row.get("code"), new Place(row.get("code"), row.get("name"), "", Place.Level.ZONE, host,
					"project zone table (zones.csv:" + row.line() + "): " + row.get("source")));
		}
		Map<String, String> publicRedirects = new HashMap<>();
		redirects.forEach((from, to) -> publicRedirects.put(publicCode(from), publicCode(resolve(to, redirects))));
		return new Gazetteer(byCode, publicRedirects);
	}

	/**
	 * The short name a region is read by: the table's, except where the table took a
	 * final 区 off a township-level name. 区 ends the name of a county-level district (海淀区,
	 * 海淀), but at township level it ends a word of the name (社区, 片区, 小区, 工业区, 保税区), and
	 * what is left cuts that word: 平陆县社区 would be read from 平陆县社, which takes the 社 of a
	 * phrase such as 社会科学. Such a row is read by its full name only. Township names
	 * ending in 地区, 镇, 乡 or 街道 keep their short names.
	 * @param name the official name
	 * @param shortName the table's short name
	 * @param level the table's level, 1 to 4
	 * @return the short name to use, empty when there is none
	 */
	public static String shortName(String name, String shortName, String level) {
		if ("4".equals(level) && name.endsWith("区") && !name.endsWith("地区") && name.equals(shortName + "区")) {
			return "";
		}
		return shortName;
	}

	/**
	 * Where a chain of code redirects (placeholders, folded units) ends.
	 * @param code a code
	 * @param redirects each redirected code to the code it stands for
	 * @return the last code of the chain, or the code itself when it is not redirected
	 */
	public static String resolve(String code, Map<String, String> redirects) {
		String current = code;
		while (redirects.containsKey(current)) {
			current = redirects.get(current);
		}
		return current;
	}

	/**
	 * The public code of a short NBS code: provinces and prefectures padded to six
	 * digits.
	 * @param code a short NBS code, or a code already public
	 * @return the public code
	 */
	public static String publicCode(String code) {
		return switch (code.length()) {
			case 2 -> code + "0000";
			case 4 -> code + "00";
			default -> code;
		};
	}

	/**
	 * A region by its public or short NBS code, following placeholder and fold redirects.
	 * @param code the code
	 * @return the region, or null when there is none
	 */
	public @Nullable Place find(String code) {
		String candidate = publicCode(code);
		Place place = this.byCode.get(candidate);
		if (place == null && this.redirects.containsKey(candidate)) {
			place = this.byCode.get(this.redirects.get(candidate));
		}
		return place;
	}

	/**
	 * Every region whose official or short name is the text.
	 * @param name the name, normalized
	 * @return the regions, in table order
	 */
	public List<Place> named(String name) {
		return this.byName.getOrDefault(name, List.of());
	}

	/**
	 * The longest name of any region, to bound the matcher's look-ahead.
	 * @return the length in characters
	 */
	public int longestName() {
		return this.byName.keySet().stream().mapToInt(String::length).max().orElse(0);
	}

	/**
	 * Every region.
	 * @return the regions
	 */
	public Collection<Place> all() {
		return this.byCode.values();
	}

	/**
	 * The region's ancestors from its province down to its parent.
	 * @param place the region
	 * @return the ancestors, empty for a province
	 */
	public List<Place> ancestors(Place place) {
		List<Place> chain = new ArrayList<>();
		Place current = place;
		while (current.parentCode() != null) {
			current = this.byCode.get(current.parentCode());
			chain.add(0, current);
		}
		return chain;
	}

	/**
	 * Whether one region is the other or lies inside it.
	 * @param place the region
	 * @param container the possible container
	 * @return true when {@code place} is {@code container} or one of its descendants
	 */
	public boolean within(Place place, Place container) {
		Place current = place;
		while (current != null) {
			if (current.code().equals(container.code())) {
				return true;
			}
			current = (current.parentCode() != null) ? this.byCode.get(current.parentCode()) : null;
		}
		return false;
	}

	/**
	 * The province a region lies in.
	 * @param place the region
	 * @return its province (itself for a province)
	 */
	public Place province(Place place) {
		List<Place> chain = ancestors(place);
		return chain.isEmpty() ? place : chain.get(0);
	}

	/**
	 * The prefecture-level unit a region lies in: its prefecture; the municipality itself
	 * for regions of Beijing, Tianjin, Shanghai and Chongqing; a county-level city
	 * directly under its province (仙桃) counts as its own prefecture-level unit. Null for
	 * the other provinces.
	 * @param place the region
	 * @return the prefecture-level unit, or null
	 */
	public @Nullable Place prefectureUnit(Place place) {
		if (place.level() == Place.Level.PROVINCE) {
			return MUNICIPALITIES.contains(place.code()) ? place : null;
		}
		List<Place> chain = new ArrayList<>(ancestors(place));
		chain.add(place);
		Place province = chain.get(0);
		if (MUNICIPALITIES.contains(province.code())) {
			return province;
		}
		return chain.get(1);
	}

}
