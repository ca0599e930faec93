package org.clustergraph.region;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.clustergraph.api.Batches;
import org.clustergraph.api.Connection;
import org.clustergraph.api.KeysetPage;
import org.clustergraph.api.RootPages;
import org.clustergraph.api.Selections;
import org.clustergraph.api.TreeFilter;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.Program;
import org.jspecify.annotations.Nullable;

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

	private final Batches batches;

	private final RootPages pages;

	RegionController(Batches batches, RootPages pages) {
		this.batches = batches;
		this.pages = pages;
	}

	@QueryMapping
	Connection<Region> regions(@Argument @Nullable RegionFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingFieldSelectionSet selection) {
		return this.pages.page("api/regions", TreeFilter.parameters(filter), KeysetPage.of("regions", first, after),
				Selections.contains(selection, "totalCount"), "region", Region::of, Region::code);
	}

	@QueryMapping
	Optional<Region> region(@Argument String code) {
		return byCodes(List.of(code)).stream().findFirst();
	}

	@BatchMapping
	Map<Region, Region> parent(List<Region> regions) {
		return this.batches.referenced(regions, Region::parentCode, this::byCodes, Region::code);
	}

	@BatchMapping
	Map<Region, List<Region>> ancestors(List<Region> regions) {
		return this.batches.grouped("api/ancestors-of-regions", "codes", regions, Region::code, "code",
				(row) -> Region.of(Rows.map(row, "ancestor")));
	}

	@BatchMapping
	Map<Region, List<Program>> programs(List<Region> regions) {
		return this.batches.grouped("api/programs-of-regions", "codes", regions, Region::code, "code",
				(row) -> Program.of(Rows.map(row, "program")));
	}

	private List<Region> byCodes(List<String> codes) {
		return this.batches.byKeys("api/regions-by-code", "codes", codes, "region", Region::of);
	}

}
