package org.clustergraph.program;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order string of a program's listings: what the load writes and the cursors hold
 * must compare as the listings are ordered, whatever the JVM's default locale.
 */
class ListingOrderTests {

	@Test
	void ordersByYearWithListingsWithoutOneLastThenRankInAsciiDigitsInEveryLocale() {
		Locale before = Locale.getDefault();
		try {
			// a locale whose digits are not ASCII: they would sort above the bounds
			Locale.setDefault(Locale.forLanguageTag("ar-EG"));
			String first = ListingOrder.of(2023, 9, "0a", "miit-sme.txt", 41);
			String second = ListingOrder.of(2023, 10, "0a", "miit-sme.txt", 43);
			String later = ListingOrder.of(2024, 1, "0a", "miit-sme.txt", 230);
			String none = ListingOrder.of(null, 1, "0a", "hubei.txt", 5);
			assertThat(first).isEqualTo("2023:000000009:0a:miit-sme.txt:000000041");
			assertThat(first).isLessThan(second);
			assertThat(second).isLessThan(later);
			assertThat(later).isLessThan(none);
			// all years' bounds hold every listing, a year's bounds its own only
			for (String order : new String[] { first, second, later, none }) {
				assertThat(order).isGreaterThan(ListingOrder.from(null, "")).isLessThan(ListingOrder.to(null));
			}
			assertThat(second).isGreaterThan(ListingOrder.from(2023, "")).isLessThan(ListingOrder.to(2023));
			assertThat(later).isGreaterThan(ListingOrder.to(2023));
			// a cursor of an earlier year starts a later year at its first listing
			assertThat(ListingOrder.from(2024, first)).isEqualTo("2024:");
			assertThat(ListingOrder.from(2023, first)).isEqualTo(first);
		}
		finally {
			Locale.setDefault(before);
		}
	}

}
