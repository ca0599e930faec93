package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import graphql.GraphQLContext;
import org.clustergraph.api.Connection;
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
 * and load time, as {@code dataset-version} reads it: a load, by this process or another,
 * writes a new one) with the page's industry, arguments and cursor. A page is read
 * together with the version of the graph it came from and kept under that version only,
 * so a page read across a switch is never kept under the version before it; the pages of
 * other versions are dropped when a page of a new one is kept. At most {@link #PAGES}
 * pages and {@link #ITEMS} clusters across them are kept, the least recently used dropped
 * first (a page holds at most a hundred clusters, so the items bound the memory to a few
 * tens of megabytes).
 */
@Component
@Transactional(readOnly = true)
class IndustryPages {

	/** The most pages kept. */
	static final int PAGES = 4096;

	/** The most clusters kept across the pages. */
	static final int ITEMS = 100_000;

	private final Reads reads;

	/** Guarded by itself, with {@link #items}. */
	private final LinkedHashMap<Key, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);

	private long items;

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
		String at = (version != null) ? version
				: this.reads.one("api/dataset-version", Map.of())
					.map((row) -> Rows.string(row, "version"))
					.orElse(null);
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
			kept.recordProvinces(context);
			out.put(page, kept.connection());
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
				provinces.add(Rows.maps(item, "provinces", Region::of));
			}
			Kept kept = new Kept(Connection.of(clusters, page.page(), Cluster::key, Rows.integer(row, "total")),
					provinces);
			read.put(page, kept);
			String version = Rows.string(row, "version");
			if (version != null) {
				put(new Key(version, page), kept);
			}
		}
		// an industry the graph does not hold pages as empty (it cannot happen for
		// those the API returned)
		for (NestedPage page : pages) {
			read.computeIfAbsent(page, (p) -> new Kept(Connection.of(List.of(), p.page(), Cluster::key, 0), List.of()));
		}
		return read;
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
	 * A page as read: its connection, and each cluster's provinces when the page carries
	 * them (null for a cluster of a page read without).
	 *
	 * @param connection the page
	 * @param provinces per cluster, in the page's order
	 */
	private record Kept(Connection<Cluster> connection, List<@Nullable List<Region>> provinces) {

		int size() {
			return Math.max(1, this.connection.edges().size());
		}

		/**
		 * Records the provinces of the page's clusters for the request, for
		 * {@code Cluster.provinces} to answer from.
		 */
		void recordProvinces(GraphQLContext context) {
			List<Connection.Edge<Cluster>> edges = this.connection.edges();
			for (int i = 0; i < edges.size(); i++) {
				List<Region> of = this.provinces.get(i);
				if (of != null) {
					Prefetched.put(context, edges.get(i).node(), "provinces", of);
				}
			}
		}

	}

}
