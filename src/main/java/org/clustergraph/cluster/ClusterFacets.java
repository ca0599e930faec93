package org.clustergraph.cluster;

import java.util.List;
import java.util.Map;

import org.clustergraph.industry.Industry;
import org.clustergraph.program.Program;
import org.clustergraph.region.Region;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ClusterFacets} of a filter: what the database counted, the industry facets
 * by the levels they were asked at.
 *
 * @param total how many clusters match the filter
 * @param byProvince clusters per province; empty when not asked
 * @param byProgram clusters per program; empty when not asked
 * @param byIndustry clusters per industry, by level
 * @param byRegionLevel clusters per region level; empty when not asked
 * @param byProvinceAndProgram clusters per province and program; empty when not asked
 * @param byIndustryAndProgram clusters per industry and program, by level
 */
record ClusterFacets(int total, List<FacetCount> byProvince, List<FacetCount> byProgram,
		Map<String, List<FacetCount>> byIndustry, List<FacetCount> byRegionLevel, List<FacetCount> byProvinceAndProgram,
		Map<String, List<FacetCount>> byIndustryAndProgram) {

	/**
	 * One group of a facet.
	 *
	 * @param region its province, when the facet groups by province
	 * @param industry its industry, when the facet groups by industry
	 * @param program its program, when the facet groups by program
	 * @param regionLevel its region level, when the facet groups by level
	 * @param count the distinct clusters in it
	 */
	record FacetCount(@Nullable Region region, @Nullable Industry industry, @Nullable Program program,
			@Nullable String regionLevel, int count) {

		static FacetCount of(Map<?, ?> row) {
			Object region = row.get("region");
			Object industry = row.get("industry");
			Object program = row.get("program");
			return new FacetCount((region instanceof Map<?, ?> r) ? Region.of(r) : null,
					(industry instanceof Map<?, ?> i) ? Industry.of(i) : null,
					(program instanceof Map<?, ?> p) ? Program.of(p) : null, (String) row.get("regionLevel"),
					((Number) row.get("count")).intValue());
		}

	}

}
