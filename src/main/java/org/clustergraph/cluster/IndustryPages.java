package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import org.clustergraph.api.Connection;
import org.clustergraph.api.GraphVersion;
import org.clustergraph.api.KeptCompletions;
import org.clustergraph.api.KeysetPage;
import org.clustergraph.api.NestedPage;
import org.clustergraph.api.NestedPages;
import org.clustergraph.api.Prefetched;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.region.Region;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the pages of {@code Industry.clusters}, keeping those read lately per version
 * of the graph.
 * <p>
 * An industry's page is the same for every cluster of that industry that a lookup starts
 * from: a front end showing a cluster with the other clusters of its industries asks the
 * same few hundred pages (one per industry, a hundred clusters each) whichever of a
 * million clusters it shows. Read from the database each time, those pages were most of
 * what such a lookup cost on a large graph (the clusters of each page, and each one's
 * provinces). Kept, a lookup costs its own statement and the pages cost nothing more to
 * find whatever the graph's size.
 * <p>
 * The key is the version of the graph the page was read from (the Dataset's fingerprint
 * and load time, as {@link org.clustergraph.api.GraphVersion} reads it: a load, by this
 * process or another, writes a new one) with the page's industry, arguments and cursor. A
 * page is read together with the version of the graph it came from and kept under that
 * version only, so a page read across a switch is never kept under the version before it;
 * the pages of other versions are dropped when a page of a new one is kept. At most
 * {@link #PAGES} pages and {@link #ITEMS} clusters across them are kept, the least
 * recently used dropped first: about a thirty-second of the heap.
 */
@Component
@Transactional(readOnly = true)
class IndustryPages {

	/** The most pages kept. */
	static final int PAGES = 4096;

	/**
	 * The most clusters kept across the pages: a thirty-second of the heap at about 256
	 * bytes a cluster (its key, name and industry phrase; the lists of provinces are
	 * shared), at most 200,000 (131,072 in a 1 GiB heap, which holds every industry's
	 * first page of a hundred at a thousand times the seeds).
	 */
	static final int ITEMS = (int) Math.min(200_000, Runtime.getRuntime().maxMemory() / 32 / 256);

	private final Reads reads;

	/** Guarded by itself, with {@link #items}. */
	private final LinkedHashMap<Key, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);

	private long items;

	/** The lists of provinces the kept pages share, by their codes. */
	private final Map<String, List<Region>> provinceLists = new ConcurrentHashMap<>();

	/** The version of the kept pages. */
	private @Nullable String keptVersion;

	private final int pageBound;

	private final int itemBound;

	@Autowired
	IndustryPages(Reads reads) {
		this(reads, PAGES, ITEMS);
	}

	IndustryPages(Reads reads, int pages, int items) {
		this.reads = reads;
		this.pageBound = pages;
		this.itemBound = items;
	}

	/**
	 * The pages asked, each with its clusters' provinces recorded for the request when
	 * the page carries them.
	 * @param version the version of the graph the caller read in this transaction, or
	 * null to read it here
	 * @param asked the pages, each by industry code with {@code clusters-of-industries}'s
	 * arguments
	 * @param context the request's context
	 * @return a page for each page asked
	 */
	Map<NestedPage, Connection<Cluster>> pages(@Nullable String version, Collection<NestedPage> asked,
			GraphQLContext context) {
		String at = (version != null) ? version : GraphVersion.read(this.reads);
		Map<NestedPage, Kept> found = new HashMap<>();
		List<NestedPage> missing = new ArrayList<>();
		for (NestedPage page : new LinkedHashSet<>(asked)) {
			Kept hit = (at != null) ? get(new Key(at, page)) : null;
			if (hit != null) {
				found.put(page, hit);
			}
			else {
				missing.add(page);
			}
		}
		if (!missing.isEmpty()) {
			found.putAll(read(missing));
		}
		Map<NestedPage, Connection<Cluster>> out = new HashMap<>();
		found.forEach((page, kept) -> {
			Connection<Cluster> connection = kept.connection(page, context);
			if (kept.version() != null) {
				KeptCompletions.mark(context, connection, kept.version(), page);
			}
			out.put(page, connection);
		});
		return out;
	}

	/**
	 * Reads pages from the database, and keeps each under the version it was read from.
	 */
	private Map<NestedPage, Kept> read(List<NestedPage> pages) {
		Map<NestedPage, Kept> read = new HashMap<>();
		for (Map<String, Object> row : this.reads.all("api/clusters-of-industries", NestedPages.parameters(pages))) {
			NestedPage page = pages.get(Objects.requireNonNull(Rows.integer(row, "id")));
			List<Cluster> clusters = new ArrayList<>();
			List<@Nullable List<Region>> provinces = new ArrayList<>();
			for (Map<?, ?> item : Objects.requireNonNull(Rows.maps(row, "page", (item) -> item))) {
				clusters.add(Cluster.of(item));
				provinces.add(shared(Rows.maps(item, "provinces", Region::of)));
			}
			String version = Rows.string(row, "version");
			Kept kept = new Kept(List.copyOf(clusters), Collections.unmodifiableList(provinces),
					Objects.requireNonNull(Rows.integer(row, "total")), version);
			read.put(page, kept);
			if (version != null) {
				put(new Key(version, page), kept);
			}
		}
		// an industry the graph does not hold pages as empty (it cannot happen for
		// those the API returned)
		for (NestedPage page : pages) {
			read.computeIfAbsent(page, (p) -> new Kept(List.of(), List.of(), 0, null));
		}
		return read;
	}

	/**
	 * The one list of these provinces that every kept page holds, so that a page's
	 * clusters hold references to a few dozen lists instead of a list each.
	 */
	private @Nullable List<Region> shared(@Nullable List<Region> provinces) {
		if (provinces == null) {
			return null;
		}
		StringBuilder codes = new StringBuilder();
		provinces.forEach((province) -> codes.append(province.code()).append(' '));
		return this.provinceLists.computeIfAbsent(codes.toString(), (k) -> List.copyOf(provinces));
	}

	private @Nullable Kept get(Key key) {
		synchronized (this.kept) {
			return this.kept.get(key);
		}
	}

	private void put(Key key, Kept page) {
		synchronized (this.kept) {
			if (!key.version().equals(this.keptVersion)) {
				// a page of another version: the others' are asked no more (a request
				// that began before a switch may still keep one of the version before
				// it, which the next page of the new version drops again)
				this.kept.clear();
				this.provinceLists.clear();
				this.items = 0;
				this.keptVersion = key.version();
			}
			Kept before = this.kept.put(key, page);
			this.items += page.size() - ((before != null) ? before.size() : 0);
			Iterator<Kept> eldest = this.kept.values().iterator();
			while ((this.items > this.itemBound || this.kept.size() > this.pageBound) && eldest.hasNext()) {
				this.items -= eldest.next().size();
				eldest.remove();
			}
		}
	}

	/**
	 * How many pages are kept.
	 * @return their number
	 */
	int keptPages() {
		synchronized (this.kept) {
			return this.kept.size();
		}
	}

	/** Forgets every kept page. */
	void forget() {
		synchronized (this.kept) {
			this.kept.clear();
			this.provinceLists.clear();
			this.items = 0;
			this.keptVersion = null;
		}
	}

	/**
	 * A page kept under a version of the graph.
	 *
	 * @param version the version it was read from
	 * @param page the industry, arguments and cursor
	 */
	private record Key(String version, NestedPage page) {
	}

	/**
	 * A page as read: its clusters (up to one more than the page, which tells whether
	 * there is a next page), each one's provinces when the page carries them (null for a
	 * cluster of a page read without), and the total. The connection and its cursors are
	 * built for each request: they cost the request less than keeping them would cost the
	 * memory of every kept cluster.
	 *
	 * @param clusters the clusters read
	 * @param provinces per cluster, in the same order
	 * @param total how many clusters the connection holds in all
	 * @param version the version of the graph it was read from, null when the graph held
	 * none
	 */
	private record Kept(List<Cluster> clusters, List<@Nullable List<Region>> provinces, int total,
			@Nullable String version) {

		int size() {
			return Math.max(1, this.clusters.size());
		}

		/**
		 * The page as a connection, with its clusters' provinces recorded for the
		 * request, for {@code Cluster.provinces} to answer from.
		 */
		Connection<Cluster> connection(NestedPage page, GraphQLContext context) {
			if (!(page.page() instanceof KeysetPage keyset)) {
				throw new IllegalStateException("an industry's clusters are paged by key: " + page);
			}
			return Connection.whenRead(this.clusters, keyset, Cluster::key, this.total, (size) -> {
				for (int i = 0; i < size; i++) {
					List<Region> of = this.provinces.get(i);
					if (of != null) {
						Prefetched.put(context, this.clusters.get(i), "provinces", of);
					}
				}
			});
		}

	}

}
