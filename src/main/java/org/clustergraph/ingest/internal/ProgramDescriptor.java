package org.clustergraph.ingest.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One published list described as data: the program it belongs to, where it sits in its
 * document, the format of its lines and the context those lines carry.
 *
 * @param key the program's stable key
 * @param name the program's official name
 * @param issuer the issuing body; null where the source does not name one
 * @param level {@code NATIONAL} or {@code PROVINCIAL}
 * @param document the seed document's file name
 * @param start the line that opens the list (its heading)
 * @param end the first line after the list; null when the list runs to the end of the
 * document
 * @param format how entries are written
 * @param countInHeading where the heading states the entry count (group 1); null when it
 * does not
 * @param perEdition the entries each edition must have, for lists with editions; 0 when
 * not stated
 * @param noticeTitle a line naming an edition's published notice (group 1 the year),
 * followed by its address; null when the document gives none
 * @param context which context the lines carry
 * @param contextProvince the province (short NBS code) every entry lies in, where the
 * list is provincial
 * @param validity how long a designation holds, where an official source states it; null
 * where none does
 */
public record ProgramDescriptor(String key, String name, @Nullable String issuer, String level, String document,
		Pattern start, @Nullable Pattern end, Format format, @Nullable Pattern countInHeading, int perEdition,
		@Nullable Pattern noticeTitle, Context context, @Nullable String contextProvince, @Nullable Validity validity) {

	/**
	 * How long a designation holds, as an official source states it.
	 *
	 * @param years the period in years from the edition year (a 2022 listing of a
	 * three-year designation holds through 2025)
	 * @param source the document that states it
	 */
	public record Validity(int years, String source) {

		/** The longest period a descriptor may state. */
		static final int MAX_YEARS = 50;

	}

	/** Who issues a list: the API's {@code ProgramLevel}, which serves no other value. */
	public enum Level {

		/** A ministry of the State Council. */
		NATIONAL,
		/** A provincial government. */
		PROVINCIAL

	}

	/** How a list writes its entries. */
	public enum Format {

		/** A line with the rank, then a line with the name. */
		RANK_THEN_NAME,
		/** A rank line, a name line, then a line with the region ("浙江,嘉兴市"). */
		RANK_NAME_REGION,
		/** "N.name" lines under prefecture headings ("黄石市："). */
		NUMBERED_UNDER_HEADINGS,
		/** One line: overall sequence, name, edition year, rank within the edition. */
		SEQUENCE_NAME_YEAR_RANK,
		/**
		 * A spreadsheet saved as CSV: a header row naming the columns, then a row per
		 * entry ({@link CsvListReader}).
		 */
		CSV

	}

	/** The context that entries carry besides their own names. */
	public enum Context {

		/** None: the name alone places the entry. */
		NONE,
		/** A region column per entry. */
		REGION_COLUMN,
		/** The prefecture heading the entry stands under. */
		HEADING

	}

}
