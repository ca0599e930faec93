package org.clustergraph.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.clustergraph.api.BadRequestException;
import org.clustergraph.api.Connection;
import org.clustergraph.api.KeysetPage;
import org.clustergraph.api.NestedPage;
import org.clustergraph.api.NestedPages;
import org.clustergraph.api.Paging;
import org.clustergraph.api.Prefetched;
import org.clustergraph.api.Selections;
import org.clustergraph.industry.Industry;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.ListingOrder;
import org.clustergraph.program.Program;
import org.clustergraph.region.Region;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Answers the connections to clusters and listings under other objects:
 * {@code Region.clusters}, {@code Industry.clusters} and {@code Program.listings}. Each
 * field hands its page to a data loader, so that all pages of a response level are read
 * by one statement whatever their parents and arguments. Each pages by key, so that the
 * page after a cursor seeks past it in the indexes, as deep as the connection goes (a
 * section of the industry tree can hold most clusters, a program hundreds of thousands of
 * listings): a region's and an industry's clusters by the cluster's key, a program's
 * listings by their {@link ListingOrder}. The methods open no transaction of their own:
 * the loaders read in one read transaction per batch. An industry's pages are kept per
 * version of the graph ({@link IndustryPages}): a batch reads only those not kept.
 */
@Controller
class ClusterPages {

	private static final String REGION_CLUSTERS = "regionClusters";

	private static final String INDUSTRY_CLUSTERS = "industryClusters";

	private static final String PROGRAM_LISTINGS = "programListings";

	/**
	 * The connection a cursor of {@code Region.clusters} names: pages by a cluster's key,
	 * whose cursors no other field takes.
	 */
	private static final String REGION_CLUSTERS_CURSORS = "Region.clusters";

	/** The connection a cursor of {@code Industry.clusters} names. */
	private static final String INDUSTRY_CLUSTERS_CURSORS = "Industry.clusters";

	/**
	 * The connection a cursor of {@code Program.listings} names: pages by a listing's
	 * {@link ListingOrder}.
	 */
	private static final String PROGRAM_LISTINGS_CURSORS = "Program.listings";

	@SuppressWarnings({ "unchecked", "rawtypes" })
	ClusterPages(NestedPages pages, IndustryPages industryPages, BatchLoaderRegistry registry) {
		pages.register(REGION_CLUSTERS, "api/clusters-of-regions", ClusterPages::cluster, Cluster::key);
		// an industry's pages are kept per version of the graph (IndustryPages)
		registry.forTypePair(NestedPage.class, Connection.class)
			.withName(INDUSTRY_CLUSTERS)
			.registerMappedBatchLoader((keys, env) -> Mono
				.fromCallable(() -> (Map) industryPages.pages(null, keys, Objects.requireNonNull(env.getContext()))));
		pages
			.register(PROGRAM_LISTINGS, "api/listings-of-programs",
					(row, context) -> Listing.of(Objects.requireNonNull(Rows.string(row, "cluster")),
							Objects.requireNonNull(Rows.string(row, "program")), Rows.map(row, "listing")),
					Listing::order);
	}

	@SchemaMapping(typeName = "Region", field = "clusters")
	CompletableFuture<Connection<Cluster>> regionClusters(Region region, @Argument @Nullable Boolean includeDescendants,
			@Argument @Nullable Integer first, @Argument @Nullable String after, DataFetchingEnvironment env) {
		return page(env, REGION_CLUSTERS, region.code(), clusterArguments(includeDescendants, env.getSelectionSet()),
				KeysetPage.of(REGION_CLUSTERS_CURSORS, first, after));
	}

	@SchemaMapping(typeName = "Industry", field = "clusters")
	CompletableFuture<Connection<Cluster>> industryClusters(Industry industry,
			@Argument @Nullable Boolean includeDescendants, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingEnvironment env) {
		return page(env, INDUSTRY_CLUSTERS, industry.code(),
				clusterArguments(includeDescendants, env.getSelectionSet()),
				KeysetPage.of(INDUSTRY_CLUSTERS_CURSORS, first, after));
	}

	@SchemaMapping(typeName = "Program", field = "listings")
	CompletableFuture<Connection<Listing>> programListings(Program program, @Argument @Nullable Integer year,
			@Argument @Nullable Integer first, @Argument @Nullable String after, DataFetchingEnvironment env) {
		KeysetPage page = KeysetPage.of(PROGRAM_LISTINGS_CURSORS, first, after);
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("year", year);
		arguments.put("from", ListingOrder.from(year, page.afterKey()));
		arguments.put("to", ListingOrder.to(year));
		return page(env, PROGRAM_LISTINGS, program.key(), arguments, page);
	}

	/**
	 * The arguments of a page of clusters: whether descendants count, and whether the
	 * page's statement should read each cluster's provinces too because the query asks
	 * for them (a list of clusters with their provinces is what front ends draw).
	 * @param includeDescendants the field's argument
	 * @param selection the field's selection
	 * @return the arguments by the names the statements read
	 */
	private static Map<String, Object> clusterArguments(@Nullable Object includeDescendants,
			DataFetchingFieldSelectionSet selection) {
		return Map.of("descendants", !Boolean.FALSE.equals(includeDescendants), "provinces",
				Selections.contains(selection, "edges/node/provinces"));
	}

	/**
	 * The page of {@code Industry.clusters} that a selection asks of each industry at a
	 * path, so that a parent can record the pages with the industries. Null unless the
	 * selection asks for exactly one such field (aliases with different arguments page
	 * through the data loader) and its arguments are valid (the field itself reports them
	 * otherwise).
	 * @param selection the parent field's selection
	 * @param industries the path of the industries in it, such as {@code industries}
	 * @return the page and its arguments, or null
	 */
	static @Nullable IndustryPage askedOfIndustries(DataFetchingFieldSelectionSet selection, String industries) {
		List<SelectedField> fields = Selections.fields(selection, industries + "/clusters");
		if (fields.size() != 1) {
			return null;
		}
		SelectedField field = fields.get(0);
		Map<String, Object> arguments = field.getArguments();
		KeysetPage page;
		try {
			page = KeysetPage.of(INDUSTRY_CLUSTERS_CURSORS,
					(arguments.get("first") instanceof Integer first) ? first : null,
					(arguments.get("after") instanceof String after) ? after : null);
		}
		catch (BadRequestException ex) {
			return null;
		}
		return new IndustryPage(page, clusterArguments(arguments.get("includeDescendants"), field.getSelectionSet()));
	}

	/**
	 * One page of {@code Industry.clusters} with the arguments of
	 * {@code clusters-of-industries}.
	 *
	 * @param page the page
	 * @param arguments whether clusters of the industries below count, and whether to
	 * read each cluster's provinces with the page
	 */
	record IndustryPage(KeysetPage page, Map<String, Object> arguments) {

		/**
		 * The page of an industry, as {@link IndustryPages} keeps it.
		 * @param industry the industry's code
		 * @return the page
		 */
		NestedPage of(String industry) {
			return new NestedPage(industry, this.arguments, this.page);
		}

	}

	/**
	 * A cluster of a page, with its provinces recorded when the page carries them.
	 * @param item the page's item
	 * @param context the request's context
	 * @return the cluster
	 */
	static Cluster cluster(Map<?, ?> item, GraphQLContext context) {
		Cluster cluster = Cluster.of(item);
		List<Region> provinces = Rows.maps(item, "provinces", Region::of);
		if (provinces != null) {
			Prefetched.put(context, cluster, "provinces", provinces);
		}
		return cluster;
	}

	private <T> CompletableFuture<Connection<T>> page(DataFetchingEnvironment env, String loader, String parent,
			Map<String, Object> arguments, Paging page) {
		DataLoader<NestedPage, Connection<T>> pages = env.getDataLoader(loader);
		if (pages == null) {
			throw new IllegalStateException("No data loader " + loader);
		}
		return pages.load(new NestedPage(parent, arguments, page));
	}

}
