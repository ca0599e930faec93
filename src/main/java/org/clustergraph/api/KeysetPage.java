package org.clustergraph.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * One page of a connection ordered by a unique key (the root connections by a cluster's
 * key, a region's or an industry's code; a region's or an industry's clusters by key), as
 * a client asked for it with {@code first} and {@code after}. Its cursors hold the key of
 * their item and the connection that gave them out, so the page after a cursor is read by
 * seeking to the first key above it in the key's index: a deep page costs what the first
 * does, where an offset would skip every item before it. A cursor stays meaningful across
 * reloads: the page after it starts at the next key the graph holds, whether or not its
 * own item is still there.
 *
 * @param connection the field whose cursors these are, such as {@code clusters}
 * @param first how many items to return
 * @param after the key the page starts above; null for the first page
 */
public record KeysetPage(String connection, int first, @Nullable String after) implements Paging {

	private static final String PREFIX = "keyset:v1:";

	/** The longest cursor read: keys and codes are a few dozen characters at most. */
	static final int MAX_CURSOR_LENGTH = 512;

	/**
	 * Reads a client's {@code first} and {@code after}.
	 * @param connection the field being paged, whose cursors alone it takes
	 * @param first the page size; null for {@link PageRequest#DEFAULT_FIRST}
	 * @param after a cursor from an earlier page of the same field; null for the first
	 * page
	 * @return the page
	 * @throws BadRequestException when {@code first} is outside 0 to
	 * {@link PageRequest#MAX_FIRST} or {@code after} is not a cursor this field gave out
	 */
	public static KeysetPage of(String connection, @Nullable Integer first, @Nullable String after) {
		return new KeysetPage(connection, PageRequest.size(first, "; page with after for more"),
				(after != null) ? decode(connection, after) : null);
	}

	@Override
	public int fetch() {
		return this.first + 1;
	}

	/**
	 * Whether the client gave {@code after}.
	 * @return true when this is not the first page
	 */
	public boolean hasPrevious() {
		return this.after != null;
	}

	/**
	 * The key the page's statement seeks above ({@code WHERE key > $after}): the empty
	 * string, below every key, for the first page, so that every page is the same index
	 * seek.
	 * @return the key
	 */
	public String afterKey() {
		return (this.after != null) ? this.after : "";
	}

	/**
	 * The cursor of an item of this connection.
	 * @param key the item's key
	 * @return the opaque cursor
	 */
	public String cursor(String key) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + this.connection + ":" + key).getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String connection, String cursor) {
		// No key the API gives out comes near this. A longer string is nobody's cursor:
		// it would only be decoded and sent to the database to find nothing.
		if (cursor.length() > MAX_CURSOR_LENGTH) {
			throw new BadRequestException("after must be a cursor from an earlier page of the same field (got "
					+ cursor.length() + " characters)");
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			String prefix = PREFIX + connection + ":";
			// keys are never empty: an empty one would be the first page again
			if (text.startsWith(prefix) && text.length() > prefix.length()) {
				return text.substring(prefix.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// Not Base64: the same answer as any other foreign string.
		}
		throw new BadRequestException("after must be a cursor from an earlier page of the same field (got '"
				+ ((cursor.length() > 40) ? cursor.substring(0, 40) + "…" : cursor) + "')");
	}

}
