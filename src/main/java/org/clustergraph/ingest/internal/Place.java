package org.clustergraph.ingest.internal;

import org.jspecify.annotations.Nullable;

/**
 * A region of the gazetteer.
 *
 * @param code the public code: 6-digit GB/T 2260 for provinces, prefectures and counties,
 * 9-digit statistical code for townships, the NBS code or the project's
 * {@code <host>Z<nn>} code for zones
 * @param name the official name
 * @param shortName the name without its administrative suffix; empty where there is none
 * @param level the level
 * @param parentCode the code of the region this one lies in; null for provinces
 * @param source where the region comes from (the NBS table or the zone table)
 */
public record Place(String code, String name, String shortName, Level level, @Nullable String parentCode,
		String source) {

	/** Levels of the administrative tree, plus development zones. */
	public enum Level {

		/** 省级. */
		PROVINCE,
		/** 地级. */
		PREFECTURE,
		/** 县级. */
		COUNTY,
		/** 乡级. */
		TOWNSHIP,
		/** A development zone. */
		ZONE

	}

}
