package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.clustergraph.industry.Industry;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.Program;
import org.clustergraph.region.Region;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code cluster(id)} and the fields of {@code Cluster} and {@code Listing}, each
 * field of a level of the response in one database round trip.
 */
@Controller
@Transactional(readOnly = true)
class ClusterController {

	private final Neo4jClient neo4j;

	ClusterController(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	@QueryMapping
	Optional<Cluster> cluster(@Argument String id) {
		if (!id.startsWith("Cluster:")) {
			return Optional.empty();
		}
		return byKeys(List.of(id.substring("Cluster:".length()))).stream().findFirst();
	}

	@BatchMapping
	Map<Cluster, List<Listing>> listings(List<Cluster> clusters) {
		Map<String, List<Listing>> byKey = new HashMap<>();
		for (Map<String, Object> row : rows("api/listings-of-clusters", clusters)) {
			String cluster = Rows.string(row, "cluster");
			byKey.computeIfAbsent(cluster, (k) -> new ArrayList<>())
				.add(Listing.of(cluster, Rows.string(row, "program"), Rows.map(row, "listing")));
		}
		return collect(clusters, byKey);
	}

	@BatchMapping
	Map<Cluster, List<Program>> programs(List<Cluster> clusters) {
		return grouped("api/programs-of-clusters", clusters, "program", Program::of);
	}

	@BatchMapping
	Map<Cluster, List<Region>> regions(List<Cluster> clusters) {
		return grouped("api/regions-of-clusters", clusters, "region", Region::of);
	}

	@BatchMapping
	Map<Cluster, List<Region>> provinces(List<Cluster> clusters) {
		return grouped("api/provinces-of-clusters", clusters, "region", Region::of);
	}

	@BatchMapping
	Map<Cluster, List<Industry>> industries(List<Cluster> clusters) {
		return grouped("api/industries-of-clusters", clusters, "industry", Industry::of);
	}

	@BatchMapping(typeName = "Listing", field = "cluster")
	Map<Listing, Cluster> listingCluster(List<Listing> listings) {
		Map<String, Cluster> byKey = new HashMap<>();
		byKeys(listings.stream().map(Listing::clusterKey).distinct().toList()).forEach((c) -> byKey.put(c.key(), c));
		Map<Listing, Cluster> out = new LinkedHashMap<>();
		listings.forEach((l) -> out.put(l, byKey.get(l.clusterKey())));
		return out;
	}

	@BatchMapping(typeName = "Listing", field = "program")
	Map<Listing, Program> listingProgram(List<Listing> listings) {
		Map<String, Program> byKey = new HashMap<>();
		this.neo4j.query(CypherFiles.get("api/programs")).fetch().all().forEach((row) -> {
			Program program = Program.of(Rows.map(row, "program"));
			byKey.put(program.key(), program);
		});
		Map<Listing, Program> out = new LinkedHashMap<>();
		listings.forEach((l) -> out.put(l, byKey.get(l.programKey())));
		return out;
	}

	@BatchMapping(typeName = "Listing", field = "placedIn")
	Map<Listing, List<Region>> listingPlacedIn(List<Listing> listings) {
		List<String> codes = listings.stream().flatMap((l) -> l.placedInCodes().stream()).distinct().toList();
		Map<String, Region> byCode = new HashMap<>();
		this.neo4j.query(CypherFiles.get("api/regions-by-code"))
			.bind(codes)
			.to("codes")
			.fetch()
			.all()
			.forEach((row) -> {
				Region region = Region.of(Rows.map(row, "region"));
				byCode.put(region.code(), region);
			});
		Map<Listing, List<Region>> out = new LinkedHashMap<>();
		listings
			.forEach((l) -> out.put(l, l.placedInCodes().stream().map(byCode::get).filter((r) -> r != null).toList()));
		return out;
	}

	private <T> Map<Cluster, List<T>> grouped(String statement, List<Cluster> clusters, String column,
			Function<Map<?, ?>, T> mapper) {
		Map<String, List<T>> byKey = new HashMap<>();
		for (Map<String, Object> row : rows(statement, clusters)) {
			byKey.computeIfAbsent(Rows.string(row, "cluster"), (k) -> new ArrayList<>())
				.add(mapper.apply(Rows.map(row, column)));
		}
		return collect(clusters, byKey);
	}

	private Collection<Map<String, Object>> rows(String statement, List<Cluster> clusters) {
		return this.neo4j.query(CypherFiles.get(statement))
			.bind(clusters.stream().map(Cluster::key).distinct().toList())
			.to("keys")
			.fetch()
			.all();
	}

	List<Cluster> byKeys(List<String> keys) {
		return this.neo4j.query(CypherFiles.get("api/clusters-by-key"))
			.bind(keys)
			.to("keys")
			.fetch()
			.all()
			.stream()
			.map((row) -> Cluster.of(Rows.map(row, "cluster")))
			.toList();
	}

	private static <T> Map<Cluster, List<T>> collect(List<Cluster> clusters, Map<String, List<T>> byKey) {
		Map<Cluster, List<T>> out = new LinkedHashMap<>();
		clusters.forEach((c) -> out.put(c, byKey.getOrDefault(c.key(), List.of())));
		return out;
	}

}
