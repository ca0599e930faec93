package org.clustergraph.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

import org.clustergraph.api.GraphVersion;
import org.clustergraph.api.RootPages;
import org.clustergraph.api.Selections;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code clusterFacets}: one statement counts every facet the query selects (and
 * only those), at every industry level it asks, over the clusters the filter selects the
 * way the list pages select them. With no filter, and neither of the pairs asked, the
 * facets are instead read from the counts the load recorded on the provinces, programs,
 * industries and the dataset, which cost the same whatever the graph's size (an explorer
 * opens on those). With nothing but the total selected, the total is the count of the
 * filter's list pages, which reads an index or the load's counts where the facets would
 * read the clusters. The graph changes only when a load commits, so the counts of the
 * most recent filters and selections are kept, keyed by the version of the graph the last
 * load wrote: a dashboard asking again what it asked a moment ago (or what another user
 * asked) reads them instead of counting again, and a load, by this instance or another,
 * leaves every kept answer unused.
 */
@Controller
@Transactional(readOnly = true)
class ClusterFacetsController {

	private static final String DEFAULT_LEVEL = "DIVISION";

	/** How many answers are kept. */
	static final int KEPT = 512;

	private final Reads reads;

	/**
	 * Counted rows by graph version and statement parameters, least recently used first.
	 */
	private final Map<List<Object>, Map<String, Object>> kept = Collections
		.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<List<Object>, Map<String, Object>> eldest) {
				return size() > KEPT;
			}
		});

	private final RootPages pages;

	ClusterFacetsController(Reads reads, RootPages pages) {
		this.reads = reads;
		this.pages = pages;
	}

	@QueryMapping
	ClusterFacets clusterFacets(@Argument @Nullable ClusterFilter filter, DataFetchingFieldSelectionSet selection) {
		Map<String, @Nullable Object> parameters = new HashMap<>(
				(filter != null) ? filter.parameters() : ClusterFilter.NONE);
		boolean everyCluster = parameters.values().stream().allMatch(Objects::isNull);
		boolean provinceProgram = Selections.contains(selection, "byProvinceAndProgram");
		List<String> industryLevels = levels(selection, "byIndustry");
		List<String> industryProgramLevels = levels(selection, "byIndustryAndProgram");
		Map<String, Boolean> want = Map.of("province", Selections.contains(selection, "byProvince"), "program",
				Selections.contains(selection, "byProgram"), "regionLevel",
				Selections.contains(selection, "byRegionLevel"), "provinceProgram", provinceProgram);
		parameters.put("want", want);
		parameters.put("industryLevels", industryLevels);
		parameters.put("industryProgramLevels", industryProgramLevels);
		// every cluster and none of the pairs: the counts the load recorded
		String statement = (everyCluster && !provinceProgram && industryProgramLevels.isEmpty())
				? "api/cluster-facets-of-all" : null;
		// nothing but the total: the count of the list pages, from the load's counts
		// (a year of recognition) or an index, where the facets' statement would read
		// the clusters to count them
		boolean totalOnly = statement == null && filter != null && !want.containsValue(true) && industryLevels.isEmpty()
				&& industryProgramLevels.isEmpty();
		// the version is read first: an answer counted after a load committed may be kept
		// under the version before it, which no later request asks for
		String version = GraphVersion.read(this.reads);
		List<Object> key = Arrays.asList(version, new HashMap<>(parameters));
		Map<String, Object> row = (version != null) ? this.kept.get(key) : null;
		if (row == null) {
			if (filter != null) {
				filter.checkTargets(this.reads);
			}
			if (totalOnly) {
				row = Map.of("total", this.pages.count(filter.statements(), filter.parameters()));
			}
			else {
				// a graph loaded before the load recorded the counts gives no row
				Optional<Map<String, Object>> recorded = (statement != null) ? this.reads.one(statement, parameters)
						: Optional.empty();
				row = recorded.or(() -> this.reads.one("api/cluster-facets", parameters)).orElseThrow();
			}
			if (version != null) {
				this.kept.put(key, row);
			}
		}
		return new ClusterFacets(Objects.requireNonNull(Rows.integer(row, "total")), counts(row, "byProvince"),
				counts(row, "byProgram"), byLevel(row, "byIndustry"), counts(row, "byRegionLevel"),
				counts(row, "byProvinceAndProgram"), byLevel(row, "byIndustryAndProgram"));
	}

	/**
	 * How many answers are kept.
	 * @return their number
	 */
	int keptAnswers() {
		return this.kept.size();
	}

	/** Forgets every kept answer. */
	void forgetAnswers() {
		this.kept.clear();
	}

	@SchemaMapping(typeName = "ClusterFacets", field = "byIndustry")
	List<ClusterFacets.FacetCount> byIndustry(ClusterFacets facets, @Argument @Nullable String level) {
		return facets.byIndustry().getOrDefault((level != null) ? level : DEFAULT_LEVEL, List.of());
	}

	@SchemaMapping(typeName = "ClusterFacets", field = "byIndustryAndProgram")
	List<ClusterFacets.FacetCount> byIndustryAndProgram(ClusterFacets facets, @Argument @Nullable String level) {
		return facets.byIndustryAndProgram().getOrDefault((level != null) ? level : DEFAULT_LEVEL, List.of());
	}

	/** The levels a query asks of one industry facet, aliases included. */
	private static List<String> levels(DataFetchingFieldSelectionSet selection, String field) {
		Set<String> levels = new LinkedHashSet<>();
		for (SelectedField selected : Selections.fields(selection, field)) {
			Object level = selected.getArguments().get("level");
			levels.add((level != null) ? level.toString() : DEFAULT_LEVEL);
		}
		return new ArrayList<>(levels);
	}

	private static List<ClusterFacets.FacetCount> counts(Map<?, ?> row, String column) {
		return Objects.requireNonNullElse(Rows.maps(row, column, ClusterFacets.FacetCount::of), List.of());
	}

	private static Map<String, List<ClusterFacets.FacetCount>> byLevel(Map<?, ?> row, String column) {
		Map<String, List<ClusterFacets.FacetCount>> byLevel = new LinkedHashMap<>();
		Rows.maps(row, column, (entry) -> byLevel.put((String) entry.get("level"), counts(entry, "counts")));
		return byLevel;
	}

}
