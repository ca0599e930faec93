package org.clustergraph.analysis;

import java.util.List;

import org.clustergraph.api.BadRequestException;
import org.clustergraph.api.NotFoundException;
import org.clustergraph.industry.Industry;
import org.clustergraph.program.Program;
import org.clustergraph.region.Region;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers the cross-list questions: {@code regionsInMultiplePrograms},
 * {@code industrySpread} and {@code programOverlap}, from the answers kept for the
 * graph's version ({@link AnalysisAnswers}): each is computed once per load, by one
 * statement over the whole graph (plus one for the programs it names).
 */
@Controller
class AnalysisController {

	private final AnalysisAnswers answers;

	AnalysisController(AnalysisAnswers answers) {
		this.answers = answers;
	}

	@QueryMapping
	List<RegionProgramStat> regionsInMultiplePrograms(@Argument String level, @Argument @Nullable Integer minPrograms) {
		return this.answers.regionsInMultiplePrograms(level, atLeastOne("minPrograms", minPrograms, 2));
	}

	@QueryMapping
	List<IndustrySpread> industrySpread(@Argument String level, @Argument @Nullable Integer minProvinces) {
		return this.answers.industrySpread(level, atLeastOne("minProvinces", minProvinces, 2));
	}

	@QueryMapping
	List<ProgramOverlap> programOverlap(@Argument @Nullable String regionLevel, @Argument @Nullable String program,
			@Argument @Nullable Integer minSharedClusters) {
		int minShared = (minSharedClusters != null) ? minSharedClusters : 0;
		if (minShared < 0) {
			throw new BadRequestException("minSharedClusters must be at least 0 (it was " + minShared + ")");
		}
		List<ProgramOverlap> pairs = this.answers.programOverlap((regionLevel != null) ? regionLevel : "PREFECTURE");
		if (program == null && minShared == 0) {
			return pairs;
		}
		// the kept answer holds every pair: a filter of it costs a pass over the pairs,
		// and the answer no more than the pairs asked for
		if (program != null && !pairs.isEmpty() && pairs.stream().noneMatch((pair) -> involves(pair, program))) {
			throw new NotFoundException("program: no program has the key '" + program + "' (see the programs query)");
		}
		return pairs.stream()
			.filter((pair) -> (program == null || involves(pair, program)) && pair.sharedClusters() >= minShared)
			.toList();
	}

	private static boolean involves(ProgramOverlap pair, String program) {
		return pair.a().key().equals(program) || pair.b().key().equals(program);
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
