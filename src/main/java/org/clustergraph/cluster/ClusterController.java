package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;

import org.clustergraph.api.BadRequestException;
import org.clustergraph.api.Batches;
import org.clustergraph.api.Connection;
import org.clustergraph.api.KeysetPage;
import org.clustergraph.api.NestedPage;
import org.clustergraph.api.NotFoundException;
import org.clustergraph.api.Prefetched;
import org.clustergraph.api.RootPages;
import org.clustergraph.api.Selections;
import org.clustergraph.industry.Industry;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.Program;
import org.clustergraph.region.Region;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code cluster(id)}, {@code clusters}, {@code crossListedClusters} and the
 * fields of {@code Cluster} and {@code Listing}, each field of a level of the response in
 * one database round trip.
 */
@Controller
@Transactional(readOnly = true)
class ClusterController {

	private final Reads reads;

	private final Batches batches;

	private final RootPages pages;

	private final IndustryPages industryPages;

	ClusterController(Reads reads, Batches batches, RootPages pages, IndustryPages industryPages) {
		this.reads = reads;
		this.batches = batches;
		this.pages = pages;
		this.industryPages = industryPages;
	}

	@QueryMapping
	Connection<Cluster> clusters(@Argument @Nullable ClusterFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingFieldSelectionSet selection, GraphQLContext context) {
		KeysetPage page = KeysetPage.of("clusters", first, after);
		// the lists a page's clusters are asked for come in the page's own statement
		boolean links = Selections.contains(selection, "edges/node/provinces")
				|| Selections.contains(selection, "edges/node/industries")
				|| Selections.contains(selection, "edges/node/programs");
		Map<String, @Nullable Object> parameters = (filter != null) ? filter.parameters() : ClusterFilter.NONE;
		String statements = (filter != null) ? filter.statements() : "api/clusters";
		Connection<Cluster> connection = this.pages.pageOfRows(statements, parameters,
				Map.of("links", links, "probe", ClusterFilter.NAME_PROBE), page,
				Selections.contains(selection, "totalCount"), (row) -> {
					Cluster cluster = Cluster.of(Rows.map(row, "cluster"));
					if (links) {
						Prefetched.put(context, cluster, "provinces",
								Objects.requireNonNull(Rows.maps(row, "provinces", Region::of)));
						Prefetched.put(context, cluster, "industries",
								Objects.requireNonNull(Rows.maps(row, "industries", Industry::of)));
						Prefetched.put(context, cluster, "programs",
								Objects.requireNonNull(Rows.maps(row, "programs", Program::of)));
					}
					return cluster;
				}, Cluster::key);
		if (filter != null && connection.edges().isEmpty()) {
			// a filter naming what the graph does not hold matches nothing: say which
			filter.checkTargets(this.reads);
		}
		return connection;
	}

	@QueryMapping
	Connection<Cluster> crossListedClusters(@Argument @Nullable Integer minPrograms, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingFieldSelectionSet selection) {
		if (minPrograms == null) {
			minPrograms = 2;
		}
		if (minPrograms < 1) {
			throw new BadRequestException("minPrograms must be at least 1 (it was " + minPrograms + ")");
		}
		// paged by the position the load wrote on each cluster in the connection's order
		return this.pages
			.pageOfRows("api/cross-listed", Map.of("minPrograms", minPrograms), Map.of(),
					KeysetPage.of("crossListedClusters", first, after), Selections.contains(selection, "totalCount"),
					(row) -> new Placed(Cluster.of(Rows.map(row, "cluster")),
							Objects.requireNonNull(Rows.string(row, "position"))),
					Placed::position)
			.map(Placed::cluster);
	}

	/**
	 * A cluster of a page of crossListedClusters, with its place in their order.
	 *
	 * @param cluster the cluster
	 * @param position its crossListing, which its cursor holds
	 */
	private record Placed(Cluster cluster, String position) {
	}

	@QueryMapping
	Optional<Cluster> cluster(@Argument String id, GraphQLContext context, DataFetchingFieldSelectionSet selection) {
		if (!id.startsWith("Cluster:")) {
			return Optional.empty();
		}
		// One statement answers the lookup and the fields front ends ask of it most,
		// which answer from what it read (see ClusterFields). The page of clusters
		// asked of each of its industries, when there is one, is the industry's page
		// whichever cluster led to it: kept per version of the graph (IndustryPages),
		// and read in this transaction when it is not kept.
		ClusterPages.IndustryPage peers = ClusterPages.askedOfIndustries(selection, "industries");
		return this.reads.one("api/cluster-with-places", Map.of("key", id.substring("Cluster:".length())))
			.map((row) -> {
				Cluster cluster = Cluster.of(Rows.map(row, "cluster"));
				Prefetched.put(context, cluster, "regions",
						Objects.requireNonNull(Rows.maps(row, "regions", Region::of)));
				Prefetched.put(context, cluster, "provinces",
						Objects.requireNonNull(Rows.maps(row, "provinces", Region::of)));
				List<Industry> industries = Objects.requireNonNull(Rows.maps(row, "industries", Industry::of));
				Prefetched.put(context, cluster, "industries", industries);
				if (peers != null) {
					Map<NestedPage, Connection<Cluster>> pages = this.industryPages.pages(Rows.string(row, "version"),
							industries.stream().map((industry) -> peers.of(industry.code())).toList(), context);
					for (Industry industry : industries) {
						Prefetched.put(context, industry, "clusters",
								Objects.requireNonNull(pages.get(peers.of(industry.code()))));
					}
				}
				return cluster;
			});
	}

	@BatchMapping
	Map<Cluster, List<Listing>> listings(List<Cluster> clusters) {
		return grouped("api/listings-of-clusters", clusters, ClusterController::listing);
	}

	private static Listing listing(Map<String, Object> row) {
		return Listing.of(Objects.requireNonNull(Rows.string(row, "cluster")),
				Objects.requireNonNull(Rows.string(row, "program")), Rows.map(row, "listing"));
	}

	@BatchMapping
	Map<Cluster, List<Listing>> timeline(List<Cluster> clusters) {
		return grouped("api/timeline-of-clusters", clusters, ClusterController::listing);
	}

	@BatchMapping
	Map<Cluster, List<Program>> programs(List<Cluster> clusters) {
		return grouped("api/programs-of-clusters", clusters, (row) -> Program.of(Rows.map(row, "program")));
	}

	@BatchMapping
	Map<Cluster, List<Region>> regions(List<Cluster> clusters) {
		return grouped("api/regions-of-clusters", clusters, (row) -> Region.of(Rows.map(row, "region")));
	}

	@BatchMapping
	Map<Cluster, List<Region>> provinces(List<Cluster> clusters) {
		return grouped("api/provinces-of-clusters", clusters, (row) -> Region.of(Rows.map(row, "region")));
	}

	@BatchMapping
	Map<Cluster, List<Industry>> industries(List<Cluster> clusters) {
		return grouped("api/industries-of-clusters", clusters, (row) -> Industry.of(Rows.map(row, "industry")));
	}

	@BatchMapping
	Map<Cluster, List<Classification>> classification(List<Cluster> clusters) {
		return grouped("api/classification-of-clusters", clusters, (row) -> {
			List<Listing.Source> sources = new ArrayList<>();
			for (Object at : (List<?>) Objects.requireNonNull(row.get("evidence"))) {
				String source = (String) at;
				int colon = source.lastIndexOf(':');
				sources.add(new Listing.Source(source.substring(0, colon),
						Integer.parseInt(source.substring(colon + 1)), null));
			}
			Number confidence = (Number) row.get("confidence");
			return new Classification(Industry.of(Objects.requireNonNull(Rows.map(row, "industry"))),
					(confidence != null) ? confidence.doubleValue() : 1.0,
					Objects.requireNonNullElse(Rows.string(row, "rule"), ""),
					Objects.requireNonNullElse(Rows.string(row, "detail"), ""), sources);
		});
	}

	@BatchMapping
	Map<Cluster, List<PossibleMatch>> possibleMatches(List<Cluster> clusters) {
		return grouped("api/possible-matches-of-clusters", clusters,
				(row) -> new PossibleMatch(Cluster.of(Objects.requireNonNull(Rows.map(row, "other"))),
						((Number) Objects.requireNonNull(row.get("score"))).doubleValue(),
						Objects.requireNonNullElse(Rows.string(row, "evidence"), "")));
	}

	@BatchMapping(typeName = "Listing", field = "cluster")
	Map<Listing, Cluster> listingCluster(List<Listing> listings) {
		return this.batches.referenced(listings, Listing::clusterKey, this::byKeys, Cluster::key);
	}

	@BatchMapping(typeName = "Listing", field = "program")
	Map<Listing, Program> listingProgram(List<Listing> listings) {
		return this.batches.referenced(listings, Listing::programKey,
				(keys) -> this.batches.byKeys("api/programs-by-key", "keys", keys, "program", Program::of),
				Program::key);
	}

	@BatchMapping(typeName = "Listing", field = "placedIn")
	Map<Listing, List<Region>> listingPlacedIn(List<Listing> listings) {
		List<String> codes = listings.stream().flatMap((l) -> l.placedInCodes().stream()).distinct().toList();
		Map<String, Region> byCode = new HashMap<>();
		this.batches.byKeys("api/regions-by-code", "codes", codes, "region", Region::of)
			.forEach((r) -> byCode.put(r.code(), r));
		Map<Listing, List<Region>> out = new LinkedHashMap<>();
		listings
			.forEach((l) -> out.put(l, l.placedInCodes().stream().map(byCode::get).filter((r) -> r != null).toList()));
		return out;
	}

	private <T> Map<Cluster, List<T>> grouped(String statement, List<Cluster> clusters,
			Function<Map<String, Object>, T> element) {
		return this.batches.grouped(statement, "keys", clusters, Cluster::key, "cluster", element);
	}

	List<Cluster> byKeys(List<String> keys) {
		return this.batches.byKeys("api/clusters-by-key", "keys", keys, "cluster", Cluster::of);
	}

}
