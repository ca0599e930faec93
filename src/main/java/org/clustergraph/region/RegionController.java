package org.clustergraph.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.clustergraph.api.Connection;
import org.clustergraph.api.FilterText;
import org.clustergraph.api.PageRequest;
import org.clustergraph.api.RootPages;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;
import org.clustergraph.program.Program;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code region(code)} and the fields of {@code Region}, each field of a level of
 * the response in one database round trip.
 */
@Controller
@Transactional(readOnly = true)
class RegionController {

	private final Neo4jClient neo4j;

	private final RootPages pages;

	RegionController(Neo4jClient neo4j, RootPages pages) {
		this.neo4j = neo4j;
		this.pages = pages;
	}

	@QueryMapping
	Connection<Region> regions(@Argument @Nullable RegionFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingFieldSelectionSet selection) {
		Map<String, @Nullable Object> parameters = new HashMap<>();
		parameters.put("level", (filter != null) ? filter.level() : null);
		parameters.put("nameContains", (filter != null) ? FilterText.normalized(filter.nameContains()) : null);
		parameters.put("hasClusters", (filter != null) ? filter.hasClusters() : null);
		return this.pages.page("api/regions", parameters, PageRequest.of(first, after),
				selection.contains("totalCount"), "region", Region::of);
	}

	@QueryMapping
	Optional<Region> region(@Argument String code) {
		return byCodes(List.of(code)).stream().findFirst();
	}

	@BatchMapping
	Map<Region, Region> parent(List<Region> regions) {
		Map<String, Region> parents = new HashMap<>();
		byCodes(regions.stream().map(Region::parentCode).filter((c) -> c != null).distinct().toList())
			.forEach((r) -> parents.put(r.code(), r));
		Map<Region, Region> out = new LinkedHashMap<>();
		for (Region region : regions) {
			Region parent = (region.parentCode() != null) ? parents.get(region.parentCode()) : null;
			if (parent != null) {
				out.put(region, parent);
			}
		}
		return out;
	}

	@BatchMapping
	Map<Region, List<Region>> ancestors(List<Region> regions) {
		Map<String, List<Region>> byCode = new HashMap<>();
		for (Map<String, Object> row : rows("api/ancestors-of-regions", regions)) {
			byCode.computeIfAbsent(Rows.string(row, "code"), (c) -> new ArrayList<>())
				.add(Region.of(Rows.map(row, "ancestor")));
		}
		return collect(regions, byCode);
	}

	@BatchMapping
	Map<Region, List<Program>> programs(List<Region> regions) {
		Map<String, List<Program>> byCode = new HashMap<>();
		for (Map<String, Object> row : rows("api/programs-of-regions", regions)) {
			byCode.computeIfAbsent(Rows.string(row, "code"), (c) -> new ArrayList<>())
				.add(Program.of(Rows.map(row, "program")));
		}
		return collect(regions, byCode);
	}

	private Collection<Map<String, Object>> rows(String statement, List<Region> regions) {
		return this.neo4j.query(CypherFiles.get(statement))
			.bind(regions.stream().map(Region::code).distinct().toList())
			.to("codes")
			.fetch()
			.all();
	}

	private List<Region> byCodes(List<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return this.neo4j.query(CypherFiles.get("api/regions-by-code"))
			.bind(codes)
			.to("codes")
			.fetch()
			.all()
			.stream()
			.map((row) -> Region.of(Rows.map(row, "region")))
			.toList();
	}

	private static <T> Map<Region, List<T>> collect(List<Region> regions, Map<String, List<T>> byCode) {
		Map<Region, List<T>> out = new LinkedHashMap<>();
		regions.forEach((r) -> out.put(r, byCode.getOrDefault(r.code(), List.of())));
		return out;
	}

}
