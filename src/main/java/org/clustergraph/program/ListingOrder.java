package org.clustergraph.program;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The order of a program's listings as one string: by year (listings without one last),
 * then rank, then cluster key, then where the listing was read, which no two listings
 * share. The load writes it on each listing ({@code listingOrder}, in the
 * {@code listing_order} index with the generation and the program's key), so that a page
 * of {@code Program.listings} seeks past its cursor in that index, whatever the program's
 * size and however deep the page; a cursor holds the string of its listing.
 */
public final class ListingOrder {

	/** Sorts after every year, as a listing without one sorts after those with one. */
	private static final String NO_YEAR = "~~~~";

	/** Below every order string of the program, for a first page of all years. */
	private static final String FIRST = "";

	/** Above every order string of the program. */
	private static final String LAST = NO_YEAR + ";";

	private ListingOrder() {
	}

	/**
	 * The order string of one listing.
	 * @param year its edition, or null
	 * @param rank its serial number as published
	 * @param cluster its cluster's key
	 * @param document the seed document it was read from
	 * @param line the line it was read from
	 * @return the string, such as {@code 2023:000000017:<key>:<document>:000000412}
	 */
	public static String of(@Nullable Integer year, int rank, String cluster, String document, int line) {
		return year(year) + ":" + digits(rank, 9) + ":" + cluster + ":" + document + ":" + digits(line, 9);
	}

	/**
	 * The lower bound of a page, exclusive: the cursor's listing, or the start of the
	 * year's listings when that lies above it (a cursor of another year, or none).
	 * @param year the edition asked for, or null for all
	 * @param after the order string of the cursor's listing; empty for the first page
	 * @return the bound
	 */
	public static String from(@Nullable Integer year, String after) {
		String start = (year != null) ? year(year) + ":" : FIRST;
		return (after.compareTo(start) > 0) ? after : start;
	}

	/**
	 * The upper bound of a page, exclusive: the end of the year's listings.
	 * @param year the edition asked for, or null for all
	 * @return the bound
	 */
	public static String to(@Nullable Integer year) {
		return (year != null) ? year(year) + ";" : LAST;
	}

	private static String year(@Nullable Integer year) {
		if (year == null) {
			return NO_YEAR;
		}
		// A year outside four digits is in no list; its bounds match nothing.
		return (year >= 0 && year <= 9999) ? digits(year, 4) : "~~~~~" + year;
	}

	/** Zero-padded to a width, in ASCII digits whatever the default locale. */
	private static String digits(int value, int width) {
		return String.format(Locale.ROOT, "%0" + width + "d", value);
	}

}
