package org.clustergraph.ingest.internal;

/**
 * A set of {@code long} values in one array, by open addressing: 8 bytes a slot, no
 * boxing. Keys are spread by a 64-bit finalizer, so that keys that differ only in their
 * high or low half (pairs of listing numbers packed into one {@code long}) do not crowd a
 * few slots.
 */
final class LongHashSet {

	private static final long EMPTY = 0;

	private long[] slots;

	private int size;

	private boolean hasEmptyKey;

	/**
	 * Creates a set for about this many keys before it grows.
	 * @param expected the expected number of keys
	 */
	LongHashSet(int expected) {
		int capacity = 16;
		while (capacity * 0.5 < expected) {
			capacity <<= 1;
		}
		this.slots = new long[capacity];
	}

	/**
	 * Adds a key.
	 * @param key the key
	 * @return true when it was not in the set
	 */
	boolean add(long key) {
		if (key == EMPTY) {
			boolean added = !this.hasEmptyKey;
			this.hasEmptyKey = true;
			return added;
		}
		int mask = this.slots.length - 1;
		int slot = (int) mix(key) & mask;
		while (this.slots[slot] != EMPTY) {
			if (this.slots[slot] == key) {
				return false;
			}
			slot = (slot + 1) & mask;
		}
		this.slots[slot] = key;
		this.size++;
		if (this.size > this.slots.length / 2) {
			grow();
		}
		return true;
	}

	/**
	 * Whether the set holds a key.
	 * @param key the key
	 * @return true when it does
	 */
	boolean contains(long key) {
		if (key == EMPTY) {
			return this.hasEmptyKey;
		}
		int mask = this.slots.length - 1;
		int slot = (int) mix(key) & mask;
		while (this.slots[slot] != EMPTY) {
			if (this.slots[slot] == key) {
				return true;
			}
			slot = (slot + 1) & mask;
		}
		return false;
	}

	/**
	 * The number of keys.
	 * @return the size
	 */
	int size() {
		return this.size + (this.hasEmptyKey ? 1 : 0);
	}

	/**
	 * The number of slots, to show that the set stays proportional to its keys.
	 * @return the capacity
	 */
	int capacity() {
		return this.slots.length;
	}

	private void grow() {
		long[] old = this.slots;
		this.slots = new long[old.length * 2];
		int mask = this.slots.length - 1;
		for (long key : old) {
			if (key != EMPTY) {
				int slot = (int) mix(key) & mask;
				while (this.slots[slot] != EMPTY) {
					slot = (slot + 1) & mask;
				}
				this.slots[slot] = key;
			}
		}
	}

	/**
	 * The 64-bit finalizer of MurmurHash3: every bit of the key affects every bit of the
	 * result.
	 * @param key the key
	 * @return the spread hash
	 */
	static long mix(long key) {
		long h = key;
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb93e34e3b15bL;
		h ^= h >>> 33;
		return h;
	}

}
