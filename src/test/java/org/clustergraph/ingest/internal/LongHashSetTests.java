package org.clustergraph.ingest.internal;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The primitive set of pairs identity resolution keeps.
 */
class LongHashSetTests {

	private static long pair(int a, int b) {
		return ((long) a << 32) | b;
	}

	@Test
	void holdsWhatASetOfLongsHolds() {
		Random random = new Random(11);
		LongHashSet set = new LongHashSet(4);
		Set<Long> expected = new HashSet<>();
		for (int i = 0; i < 200_000; i++) {
			// few distinct values, so that many adds find their key already there
			long key = pair(random.nextInt(300), random.nextInt(300)) * ((i % 3 == 0) ? -1 : 1);
			assertThat(set.add(key)).isEqualTo(expected.add(key));
		}
		assertThat(set.size()).isEqualTo(expected.size());
		for (int a = 0; a < 300; a++) {
			for (int b = 0; b < 300; b++) {
				assertThat(set.contains(pair(a, b))).isEqualTo(expected.contains(pair(a, b)));
				assertThat(set.contains(-pair(a, b))).isEqualTo(expected.contains(-pair(a, b)));
			}
		}
	}

	@Test
	void keepsZeroLikeAnyOtherKey() {
		LongHashSet set = new LongHashSet(0);
		assertThat(set.contains(0)).isFalse();
		assertThat(set.add(0)).isTrue();
		assertThat(set.add(0)).isFalse();
		assertThat(set.contains(0)).isTrue();
		assertThat(set.size()).isEqualTo(1);
	}

	@Test
	void growsInProportionToItsKeys() {
		LongHashSet set = new LongHashSet(16);
		for (int a = 0; a < 1000; a++) {
			for (int b = a + 1; b < a + 101; b++) {
				set.add(pair(a, b));
			}
		}
		assertThat(set.size()).isEqualTo(100_000);
		// at most half full after growing, and never more than four slots a key
		assertThat(set.capacity()).isBetween(2 * set.size(), 4 * set.size());
	}

	@Test
	void spreadsPairsThatDifferOnlyInOneHalf() {
		// a pair's XOR of halves (a ^ b) takes few values; the mixed hash must not
		int buckets = 1 << 12;
		int[] counts = new int[buckets];
		for (int a = 0; a < 256; a++) {
			for (int b = 0; b < 256; b++) {
				counts[(int) LongHashSet.mix(pair(a, b)) & (buckets - 1)]++;
			}
		}
		int fullest = java.util.Arrays.stream(counts).max().orElseThrow();
		// 65,536 keys in 4,096 buckets average 16; a hash of a ^ b alone would put 256
		// keys in one
		assertThat(fullest).isLessThan(48);
	}

}
