package org.clustergraph.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * One page of a connection as a client asked for it with {@code first} and {@code after}.
 * Cursors are opaque to clients; inside they hold the position of an item in the
 * connection's fixed order.
 *
 * @param first how many items to return
 * @param offset how many items of the order come before the page
 */
public record PageRequest(int first, int offset) implements Paging {

	/** The page size when a client gives no {@code first}. */
	public static final int DEFAULT_FIRST = 20;

	/** The largest {@code first} a client may ask for. */
	public static final int MAX_FIRST = 100;

	private static final String PREFIX = "cursor:v1:";

	/**
	 * Reads a client's {@code first} and {@code after}.
	 * @param first the page size; null for {@link #DEFAULT_FIRST}
	 * @param after a cursor from an earlier page; null for the first page
	 * @return the page
	 * @throws BadRequestException when {@code first} is outside 0 to {@link #MAX_FIRST}
	 * or {@code after} is not a cursor this API gave out
	 */
	public static PageRequest of(@Nullable Integer first, @Nullable String after) {
		return new PageRequest(size(first, "; page with after for more"), (after != null) ? decode(after) + 1 : 0);
	}

	/**
	 * Reads a client's {@code first} where there is no {@code after} to page with.
	 * @param first how many items; null for {@link #DEFAULT_FIRST}
	 * @return the size
	 * @throws BadRequestException when {@code first} is outside 0 to {@link #MAX_FIRST}
	 */
	public static int size(@Nullable Integer first) {
		return size(first, "");
	}

	static int size(@Nullable Integer first, String hint) {
		int size = (first != null) ? first : DEFAULT_FIRST;
		if (size < 0 || size > MAX_FIRST) {
			throw new BadRequestException("first must be between 0 and " + MAX_FIRST + " (it was " + size + ")" + hint);
		}
		return size;
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
		return this.offset > 0;
	}

	/**
	 * The cursor of an item.
	 * @param position the item's 0-based position in the connection's order
	 * @return the opaque cursor
	 */
	public static String cursor(int position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
	}

	private static int decode(String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(PREFIX)) {
				int position = Integer.parseInt(text.substring(PREFIX.length()));
				// The page after a position starts one further and fetches one more than
				// it shows: beyond this no cursor the API gave out can reach, and the sum
				// would overflow the statement's limit.
				if (position >= 0 && position <= Integer.MAX_VALUE - MAX_FIRST - 2) {
					return position;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// Not Base64 or not a number: the same answer as any other foreign string.
		}
		throw new BadRequestException("after must be a cursor from an earlier page of the same field (got '"
				+ ((cursor.length() > 40) ? cursor.substring(0, 40) + "…" : cursor) + "')");
	}

}
