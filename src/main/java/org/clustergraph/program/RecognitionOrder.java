package org.clustergraph.program;

import java.util.Locale;

/**
 * The order of {@code laterRecognitions} as one string per row: rows whose earlier
 * listing has a year first, longest lag first, then rows whose earlier listing has none
 * (the lag unknown), each by cluster key. The load writes it on the listing that is the
 * row's later recognition ({@code laterOrder}, in the {@code later_recognitions} index
 * with the generation and the program's key), so that the first rows of a program are
 * read from that index, however many clusters the program lists. A program lists a
 * cluster in one row at most, so no two rows of a program share a string.
 */
public final class RecognitionOrder {

	private static final String DATED = "0:";

	private static final String UNDATED = "1:";

	private RecognitionOrder() {
	}

	/**
	 * The string of a row whose earlier listing has a year.
	 * @param lag the years between the earlier listing and the later one, at least 1
	 * @param cluster the cluster's key
	 * @return the string: a longer lag sorts first
	 * @throws IllegalArgumentException for a lag below 1
	 */
	public static String dated(int lag, String cluster) {
		if (lag < 1) {
			throw new IllegalArgumentException("A later recognition comes at least a year after (lag " + lag + ")");
		}
		return DATED + String.format(Locale.ROOT, "%010d", Integer.MAX_VALUE - lag) + ":" + cluster;
	}

	/**
	 * The string of a row whose earlier listing has no year.
	 * @param cluster the cluster's key
	 * @return the string, after every dated row's
	 */
	public static String undated(String cluster) {
		return UNDATED + cluster;
	}

	/**
	 * The upper bound, exclusive, of the rows asked for.
	 * @param undated whether the rows whose earlier listing has no year count
	 * @return the bound
	 */
	public static String end(boolean undated) {
		return undated ? "2" : "1";
	}

}
