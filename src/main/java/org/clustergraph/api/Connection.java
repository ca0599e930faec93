package org.clustergraph.api;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A Relay connection: one page of items with their cursors, whether more follow, and the
 * total when the client selected it.
 *
 * @param <T> the item type
 * @param edges the items with their cursors
 * @param pageInfo where the page lies
 * @param counted all items of the connection; null when the client did not select
 * {@code totalCount}
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, @Nullable Integer counted) {

	/**
	 * The {@code totalCount} field, read only when a client selected it.
	 * @return how many items the whole connection holds
	 * @throws IllegalStateException when it was not counted
	 */
	public int totalCount() {
		if (this.counted == null) {
			throw new IllegalStateException("totalCount was read but not counted");
		}
		return this.counted;
	}

	/**
	 * Builds a page of a connection from what was fetched for it, whichever way it is
	 * paged.
	 * @param <T> the item type
	 * @param fetched up to {@link Paging#fetch()} items where the page starts
	 * @param page the page asked for
	 * @param key the key of an item, which its cursor holds; needed for a page by key
	 * only
	 * @param totalCount the total, or null when not selected
	 * @return the connection
	 */
	public static <T> Connection<T> of(List<T> fetched, Paging page, @Nullable Function<T, String> key,
			@Nullable Integer totalCount) {
		return switch (page) {
			case PageRequest offset -> of(fetched, offset, totalCount);
			case KeysetPage keyset -> of(fetched, keyset,
					Objects.requireNonNull(key, "a connection paged by key needs its items' keys"), totalCount);
		};
	}

	/**
	 * Builds a page of a connection paged by offset (a nested one, bounded by its
	 * parent's neighbourhood) from what was fetched for it.
	 * @param <T> the item type
	 * @param fetched up to {@link PageRequest#fetch()} items from the page's offset
	 * @param page the page asked for
	 * @param totalCount the total, or null when not selected
	 * @return the connection
	 */
	public static <T> Connection<T> of(List<T> fetched, PageRequest page, @Nullable Integer totalCount) {
		int size = Math.min(fetched.size(), page.first());
		List<Edge<T>> edges = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			edges.add(new Edge<>(PageRequest.cursor(page.offset() + i), fetched.get(i)));
		}
		return of(edges, fetched.size() > page.first(), page.hasPrevious(), totalCount);
	}

	/**
	 * Builds a page of a connection ordered by a unique key from what was fetched for it.
	 * @param <T> the item type
	 * @param fetched up to {@link KeysetPage#fetch()} items above the page's key, in key
	 * order
	 * @param page the page asked for
	 * @param key the key of an item, which its cursor holds
	 * @param totalCount the total, or null when not selected
	 * @return the connection
	 */
	public static <T> Connection<T> of(List<T> fetched, KeysetPage page, Function<T, String> key,
			@Nullable Integer totalCount) {
		return of(edges(fetched, page, key), fetched.size() > page.first(), page.hasPrevious(), totalCount);
	}

	/**
	 * Builds a page of a connection ordered by a unique key whose edges are made when
	 * they are first read. A page whose answer is kept ({@link KeptCompletions}) is
	 * answered without reading its edges, so a kept page of a hundred items costs the
	 * request its two outer cursors, not a hundred.
	 * @param <T> the item type
	 * @param fetched up to {@link KeysetPage#fetch()} items above the page's key, in key
	 * order
	 * @param page the page asked for
	 * @param key the key of an item, which its cursor holds
	 * @param totalCount the total, or null when not selected
	 * @param whenRead run once, before the edges are first read, with how many of the
	 * items fetched the page holds
	 * @return the connection
	 */
	public static <T> Connection<T> whenRead(List<T> fetched, KeysetPage page, Function<T, String> key,
			@Nullable Integer totalCount, IntConsumer whenRead) {
		int size = Math.min(fetched.size(), page.first());
		PageInfo info = new PageInfo(fetched.size() > page.first(), page.hasPrevious(),
				(size == 0) ? null : page.cursor(key.apply(fetched.getFirst())),
				(size == 0) ? null : page.cursor(key.apply(fetched.get(size - 1))));
		return new Connection<>(new LazyEdges<>(() -> {
			whenRead.accept(size);
			return edges(fetched, page, key);
		}, size), info, totalCount);
	}

	/**
	 * The edges of a page ordered by key, each with its cursor.
	 */
	private static <T> List<Edge<T>> edges(List<T> fetched, KeysetPage page, Function<T, String> key) {
		int size = Math.min(fetched.size(), page.first());
		List<Edge<T>> edges = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			edges.add(new Edge<>(page.cursor(key.apply(fetched.get(i))), fetched.get(i)));
		}
		return List.copyOf(edges);
	}

	private static <T> Connection<T> of(List<Edge<T>> edges, boolean hasNext, boolean hasPrevious,
			@Nullable Integer totalCount) {
		PageInfo info = new PageInfo(hasNext, hasPrevious, edges.isEmpty() ? null : edges.getFirst().cursor(),
				edges.isEmpty() ? null : edges.getLast().cursor());
		return new Connection<>(List.copyOf(edges), info, totalCount);
	}

	/**
	 * The same page with each item replaced, its cursor kept: for a page read with more
	 * than its items (the key its cursors hold).
	 * @param <U> the new item type
	 * @param mapper the new item of an item
	 * @return the connection
	 */
	public <U> Connection<U> map(Function<T, U> mapper) {
		List<Edge<U>> mapped = new ArrayList<>(this.edges.size());
		for (Edge<T> edge : this.edges) {
			mapped.add(new Edge<>(edge.cursor(), mapper.apply(edge.node())));
		}
		return new Connection<>(List.copyOf(mapped), this.pageInfo, this.counted);
	}

	/**
	 * Edges made when first read, once.
	 *
	 * @param <T> the item type
	 */
	private static final class LazyEdges<T> extends AbstractList<Edge<T>> implements RandomAccess {

		private final Supplier<List<Edge<T>>> make;

		private final int size;

		private volatile @Nullable List<Edge<T>> made;

		LazyEdges(Supplier<List<Edge<T>>> make, int size) {
			this.make = make;
			this.size = size;
		}

		private List<Edge<T>> edges() {
			List<Edge<T>> edges = this.made;
			if (edges == null) {
				synchronized (this) {
					edges = this.made;
					if (edges == null) {
						edges = this.make.get();
						this.made = edges;
					}
				}
			}
			return edges;
		}

		@Override
		public Edge<T> get(int index) {
			return edges().get(index);
		}

		@Override
		public int size() {
			return this.size;
		}

		@Override
		public Iterator<Edge<T>> iterator() {
			return edges().iterator();
		}

	}

	/**
	 * One item of a connection.
	 *
	 * @param <T> the item type
	 * @param cursor where the item lies, for {@code after}
	 * @param node the item
	 */
	public record Edge<T>(String cursor, T node) {
	}

	/**
	 * Where a page lies in its connection.
	 *
	 * @param hasNextPage whether items follow the page
	 * @param hasPreviousPage whether the client gave {@code after}
	 * @param startCursor the first item's cursor; null for an empty page
	 * @param endCursor the last item's cursor; null for an empty page
	 */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {
	}

}
