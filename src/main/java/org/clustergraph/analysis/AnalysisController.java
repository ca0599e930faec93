package org.clustergraph.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.clustergraph.api.BadRequestException;
import org.clustergraph.industry.Industry;
import org.clustergraph.neo4j.CypherFiles;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.Program;
import org.clustergraph.program.Programs;
import org.clustergraph.region.Region;
import org.jspecify.annotations.Nullable;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the cross-list questions: {@code regionsInMultiplePrograms},
 * {@code industrySpread} and {@code programOverlap}, each in one statement over the whole
 * graph (plus one for the programs it names).
 */
@Controller
@Transactional(readOnly = true)
class AnalysisController {

	private final Neo4jClient neo4j;

	private final Programs programs;

	AnalysisController(Neo4jClient neo4j, Programs programs) {
		this.neo4j = neo4j;
		this.programs = programs;
	}

	@QueryMapping
	List<RegionProgramStat> regionsInMultiplePrograms(@Argument String level, @Argument @Nullable Integer minPrograms) {
		int min = atLeastOne("minPrograms", minPrograms, 2);
		Map<String, Program> programs = this.programs.byKey();
		return this.neo4j.query(CypherFiles.get("analysis/regions-in-multiple-programs"))
			.bindAll(Map.of("level", level, "minPrograms", min))
			.fetch()
			.all()
			.stream()
			.map((row) -> new RegionProgramStat(Region.of(Rows.map(row, "region")),
					Objects.requireNonNull(Rows.integer(row, "programCount")),
					Rows.strings(row, "programs").stream().sorted().map(programs::get).toList(),
					Objects.requireNonNull(Rows.integer(row, "clusterCount"))))
			.toList();
	}

	@QueryMapping
	List<IndustrySpread> industrySpread(@Argument String level, @Argument @Nullable Integer minProvinces) {
		int min = atLeastOne("minProvinces", minProvinces, 2);
		return this.neo4j.query(CypherFiles.get("analysis/industry-spread"))
			.bindAll(Map.of("level", level, "minProvinces", min))
			.fetch()
			.all()
			.stream()
			.map((row) -> new IndustrySpread(Industry.of(Rows.map(row, "industry")),
					Objects.requireNonNull(Rows.integer(row, "provinceCount")),
					Objects.requireNonNull(Rows.maps(row, "provinces", Region::of)),
					Objects.requireNonNull(Rows.integer(row, "clusterCount"))))
			.toList();
	}

	@QueryMapping
	List<ProgramOverlap> programOverlap(@Argument @Nullable String regionLevel) {
		return this.neo4j.query(CypherFiles.get("analysis/program-overlap"))
			.bindAll(Map.of("level", (regionLevel != null) ? regionLevel : "PREFECTURE"))
			.fetch()
			.all()
			.stream()
			.map((row) -> new ProgramOverlap(Program.of(Rows.map(row, "a")), Program.of(Rows.map(row, "b")),
					Objects.requireNonNull(Rows.integer(row, "sharedClusters")),
					Objects.requireNonNull(Rows.integer(row, "sharedRegions")),
					((Number) Objects.requireNonNull(row.get("clusterJaccard"))).doubleValue()))
			.toList();
	}

	private static int atLeastOne(String argument, @Nullable Integer value, int otherwise) {
		if (value == null) {
			return otherwise;
		}
		if (value < 1) {
			throw new BadRequestException(argument + " must be at least 1 (it was " + value + ")");
		}
		return value;
	}

	/**
	 * A region on several programs.
	 *
	 * @param region the region
	 * @param programCount how many distinct programs list a cluster located there
	 * @param programs those programs, by key
	 * @param clusterCount how many distinct clusters are located there
	 */
	record RegionProgramStat(Region region, int programCount, List<Program> programs, int clusterCount) {
	}

	/**
	 * An industry and the provinces its clusters lie in.
	 *
	 * @param industry the industry
	 * @param provinceCount how many provinces
	 * @param provinces those provinces, by code
	 * @param clusterCount how many distinct clusters of the industry or its descendants
	 */
	record IndustrySpread(Industry industry, int provinceCount, List<Region> provinces, int clusterCount) {
	}

	/**
	 * How two programs' lists overlap.
	 *
	 * @param a the program with the smaller key
	 * @param b the other program
	 * @param sharedClusters clusters both list
	 * @param sharedRegions regions of the asked level where both have a cluster
	 * @param clusterJaccard shared clusters over the clusters either lists
	 */
	record ProgramOverlap(Program a, Program b, int sharedClusters, int sharedRegions, double clusterJaccard) {
	}

}
