package org.clustergraph.region;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.clustergraph.api.Connection;
import org.clustergraph.api.NestedPage;
import org.clustergraph.api.NestedPages;
import org.clustergraph.api.PageRequest;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers {@code Region.children}: each region's page goes to a data loader, so that the
 * children of every region of a response level are read by one statement. Opens no
 * transaction of its own; the loader reads in one read transaction per batch.
 */
@Controller
class RegionPages {

	private static final String CHILDREN = "regionChildren";

	RegionPages(NestedPages pages) {
		pages.register(CHILDREN, "api/children-of-regions", Region::of);
	}

	@SchemaMapping(typeName = "Region", field = "children")
	CompletableFuture<Connection<Region>> children(Region region, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingEnvironment env) {
		DataLoader<NestedPage, Connection<Region>> pages = env.getDataLoader(CHILDREN);
		if (pages == null) {
			throw new IllegalStateException("No data loader " + CHILDREN);
		}
		return pages.load(new NestedPage(region.code(), Map.of(), PageRequest.of(first, after)));
	}

}
