package org.clustergraph.industry;

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
import org.clustergraph.region.Region;
import org.jspecify.annotations.Nullable;

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

	private final Batches batches;

	private final RootPages pages;

	IndustryController(Batches batches, RootPages pages) {
		this.batches = batches;
		this.pages = pages;
	}

	@QueryMapping
	Connection<Industry> industries(@Argument @Nullable IndustryFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingFieldSelectionSet selection) {
		return this.pages.page("api/industries", TreeFilter.parameters(filter),
				KeysetPage.of("industries", first, after), Selections.contains(selection, "totalCount"), "industry",
				Industry::of, Industry::code);
	}

	@QueryMapping
	Optional<Industry> industry(@Argument String code) {
		return byCodes(List.of(code)).stream().findFirst();
	}

	@BatchMapping
	Map<Industry, Industry> parent(List<Industry> industries) {
		return this.batches.referenced(industries, Industry::parentCode, this::byCodes, Industry::code);
	}

	@BatchMapping
	Map<Industry, List<Industry>> children(List<Industry> industries) {
		return this.batches.grouped("api/children-of-industries", "codes", industries, Industry::code, "code",
				(row) -> Industry.of(Rows.map(row, "child")));
	}

	@BatchMapping
	Map<Industry, List<Region>> provinces(List<Industry> industries) {
		return this.batches.grouped("api/provinces-of-industries", "codes", industries, Industry::code, "code",
				(row) -> Region.of(Rows.map(row, "province")));
	}

	private List<Industry> byCodes(List<String> codes) {
		return this.batches.byKeys("api/industries-by-code", "codes", codes, "industry", Industry::of);
	}

}
