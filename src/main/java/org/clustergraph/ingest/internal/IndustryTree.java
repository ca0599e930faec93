package org.clustergraph.ingest.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The GB/T 4754-2017 classification: sections, divisions, groups and classes.
 */
public final class IndustryTree {

	private final Map<String, Industry> byCode;

	private IndustryTree(Map<String, Industry> byCode) {
		this.byCode = byCode;
	}

	/**
	 * Builds the tree from {@code gbt4754-2017.csv}.
	 * @param rows the table's rows
	 * @return the tree
	 * @throws SourceException naming the line of a row whose parent is unknown
	 */
	public static IndustryTree of(List<Csv.Row> rows) {
		Map<String, Industry> byCode = new LinkedHashMap<>();
		for (Csv.Row row : rows) {
			String parent = row.get("parent_code");
			if (!parent.isEmpty() && !byCode.containsKey(parent)) {
				throw new SourceException(
						row.problem("parent '" + parent + "' of '" + row.get("code") + "' is unknown"));
			}
			byCode.put(row.get("code"),
					new Industry(row.get("code"), row.get("name"), row.get("level"), parent.isEmpty() ? null : parent));
		}
		return new IndustryTree(byCode);
	}

	/**
	 * An industry by code.
	 * @param code the code
	 * @return the industry, or null
	 */
	public @Nullable Industry find(String code) {
		return this.byCode.get(code);
	}

	/**
	 * Every industry, in table order.
	 * @return the industries
	 */
	public Collection<Industry> all() {
		return this.byCode.values();
	}

	/**
	 * Whether one industry lies under another.
	 * @param industry the industry
	 * @param ancestor the possible ancestor
	 * @return true when {@code ancestor} is a strict ancestor of {@code industry}
	 */
	public boolean isUnder(Industry industry, Industry ancestor) {
		String parent = industry.parentCode();
		while (parent != null) {
			if (parent.equals(ancestor.code())) {
				return true;
			}
			parent = this.byCode.get(parent).parentCode();
		}
		return false;
	}

	/**
	 * The industries of a set that have no other industry of the set under them.
	 * @param industries the industries
	 * @return the most specific ones, by code
	 */
	public List<Industry> mostSpecific(Collection<Industry> industries) {
		return industries.stream()
			.distinct()
			.filter((i) -> industries.stream().noneMatch((j) -> isUnder(j, i)))
			.sorted(Comparator.comparing(Industry::code))
			.toList();
	}

	/**
	 * The division an industry lies in.
	 * @param industry the industry
	 * @return its division, or the industry itself when it is a division or a section
	 */
	public Industry division(Industry industry) {
		Industry at = industry;
		while (!at.level().equals("DIVISION") && !at.level().equals("SECTION")) {
			at = this.byCode.get(at.parentCode());
		}
		return at;
	}

	/**
	 * The section an industry lies in.
	 * @param industry the industry
	 * @return its section (A to T)
	 */
	public Industry section(Industry industry) {
		Industry at = industry;
		while (at.parentCode() != null) {
			at = this.byCode.get(at.parentCode());
		}
		return at;
	}

	/**
	 * The most specific industry that is or contains every industry of a list.
	 * @param industries at least one industry of one section
	 * @return their common ancestor
	 * @throws IllegalArgumentException when they lie in different sections
	 */
	public Industry commonAncestor(List<Industry> industries) {
		Industry common = industries.get(0);
		for (Industry industry : industries) {
			while (!common.equals(industry) && !isUnder(industry, common)) {
				if (common.parentCode() == null) {
					throw new IllegalArgumentException("no common ancestor of " + industries);
				}
				common = this.byCode.get(common.parentCode());
			}
		}
		return common;
	}

	/**
	 * The industries under one, at every level below it.
	 * @param ancestor the industry
	 * @return its descendants, in table order
	 */
	public List<Industry> under(Industry ancestor) {
		return this.byCode.values().stream().filter((i) -> isUnder(i, ancestor)).toList();
	}

	/**
	 * One node of the classification.
	 *
	 * @param code the code (A, 34, 342, 3422)
	 * @param name the name
	 * @param level SECTION, DIVISION, GROUP or CLASS
	 * @param parentCode the parent's code; null for sections
	 */
	public record Industry(String code, String name, String level, @Nullable String parentCode) {
	}

}
