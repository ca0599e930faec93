package org.clustergraph.industry;

import java.util.ArrayList;
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
import org.clustergraph.region.Region;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code industry(code)} and the fields of {@code Industry}, each field of a
 * level of the response in one database round trip.
 */
@Controller
@Transactional(readOnly = true)
class IndustryController {

	private final Neo4jClient neo4j;

	private final RootPages pages;

	IndustryController(Neo4jClient neo4j, RootPages pages) {
		this.neo4j = neo4j;
		this.pages = pages;
	}

	@QueryMapping
	Connection<Industry> industries(@Argument @Nullable IndustryFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingFieldSelectionSet selection) {
		Map<String, @Nullable Object> parameters = new HashMap<>();
		parameters.put("level", (filter != null) ? filter.level() : null);
		parameters.put("nameContains", (filter != null) ? FilterText.normalized(filter.nameContains()) : null);
		parameters.put("hasClusters", (filter != null) ? filter.hasClusters() : null);
		return this.pages.page("api/industries", parameters, PageRequest.of(first, after),
				selection.contains("totalCount"), "industry", Industry::of);
	}

	@QueryMapping
	Optional<Industry> industry(@Argument String code) {
		return byCodes(List.of(code)).stream().findFirst();
	}

	@BatchMapping
	Map<Industry, Industry> parent(List<Industry> industries) {
		Map<String, Industry> parents = new HashMap<>();
		byCodes(industries.stream().map(Industry::parentCode).filter((c) -> c != null).distinct().toList())
			.forEach((i) -> parents.put(i.code(), i));
		Map<Industry, Industry> out = new LinkedHashMap<>();
		for (Industry industry : industries) {
			Industry parent = (industry.parentCode() != null) ? parents.get(industry.parentCode()) : null;
			if (parent != null) {
				out.put(industry, parent);
			}
		}
		return out;
	}

	@BatchMapping
	Map<Industry, List<Industry>> children(List<Industry> industries) {
		Map<String, List<Industry>> byCode = new HashMap<>();
		for (Map<String, Object> row : rows("api/children-of-industries", industries)) {
			byCode.computeIfAbsent(Rows.string(row, "code"), (c) -> new ArrayList<>())
				.add(Industry.of(Rows.map(row, "child")));
		}
		return collect(industries, byCode);
	}

	@BatchMapping
	Map<Industry, List<Region>> provinces(List<Industry> industries) {
		Map<String, List<Region>> byCode = new HashMap<>();
		for (Map<String, Object> row : rows("api/provinces-of-industries", industries)) {
			byCode.computeIfAbsent(Rows.string(row, "code"), (c) -> new ArrayList<>())
				.add(Region.of(Rows.map(row, "province")));
		}
		return collect(industries, byCode);
	}

	private java.util.Collection<Map<String, Object>> rows(String statement, List<Industry> industries) {
		return this.neo4j.query(CypherFiles.get(statement))
			.bind(industries.stream().map(Industry::code).distinct().toList())
			.to("codes")
			.fetch()
			.all();
	}

	private List<Industry> byCodes(List<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return this.neo4j.query(CypherFiles.get("api/industries-by-code"))
			.bind(codes)
			.to("codes")
			.fetch()
			.all()
			.stream()
			.map((row) -> Industry.of(Rows.map(row, "industry")))
			.toList();
	}

	private static <T> Map<Industry, List<T>> collect(List<Industry> industries, Map<String, List<T>> byCode) {
		Map<Industry, List<T>> out = new LinkedHashMap<>();
		industries.forEach((i) -> out.put(i, byCode.getOrDefault(i.code(), List.of())));
		return out;
	}

}
