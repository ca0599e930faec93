package org.clustergraph.analysis;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.clustergraph.analysis.AnalysisController.IndustrySpread;
import org.clustergraph.analysis.AnalysisController.ProgramOverlap;
import org.clustergraph.analysis.AnalysisController.RegionProgramStat;
import org.clustergraph.api.GraphVersion;
import org.clustergraph.industry.Industry;
import org.clustergraph.neo4j.Reads;
import org.clustergraph.neo4j.Rows;
import org.clustergraph.program.Program;
import org.clustergraph.program.Programs;
import org.clustergraph.region.Region;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers of the analysis queries, kept per graph version. Each statement reads every
 * cluster, so its cost grows with the graph; but the graph changes only when a load
 * commits, so each answer is computed once per version of the graph (the Dataset node's
 * fingerprint and load time, read before a kept answer is used, as {@code clusterFacets}
 * does) and served from memory until another load, by this instance or another, writes a
 * new version. An answer is kept per query and level, for the lowest minimum (1): the
 * answer for a higher minimum is its prefix of rows at or above it, which the statements'
 * order (the counted number first) keeps together, so every minimum is served from the
 * same kept answer. That bounds what is kept by the levels (fourteen answers per version)
 * whatever clients ask.
 */
@Component
@Transactional(readOnly = true)
class AnalysisAnswers {

	/** How many answers are kept: every level of the three queries, for two versions. */
	static final int KEPT = 32;

	/** The region levels of the schema's {@code RegionLevel}. */
	static final List<String> REGION_LEVELS = List.of("PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP", "ZONE");

	/** The industry levels of the schema's {@code IndustryLevel}. */
	static final List<String> INDUSTRY_LEVELS = List.of("SECTION", "DIVISION", "GROUP", "CLASS");

	private final Reads reads;

	private final Programs programs;

	/** Answers by graph version, query and level, least recently used first. */
	private final Map<List<Object>, List<?>> kept = Collections.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<List<Object>, List<?>> eldest) {
			return size() > KEPT;
		}
	});

	AnalysisAnswers(Reads reads, Programs programs) {
		this.reads = reads;
		this.programs = programs;
	}

	/**
	 * Regions counted at a level on at least some programs, as
	 * {@code analysis/regions-in-multiple-programs} orders them.
	 * @param level a region level
	 * @param minPrograms the fewest programs, at least 1
	 * @return the regions
	 */
	public List<RegionProgramStat> regionsInMultiplePrograms(String level, int minPrograms) {
		List<RegionProgramStat> all = kept("regionsInMultiplePrograms", level, () -> {
			Map<String, Program> byKey = this.programs.byKey();
			return rows("analysis/regions-in-multiple-programs", Map.of("level", level, "minPrograms", 1),
					(row) -> new RegionProgramStat(Region.of(Rows.map(row, "region")),
							Objects.requireNonNull(Rows.integer(row, "programCount")),
							Rows.strings(row, "programs").stream().sorted().map(byKey::get).toList(),
							Objects.requireNonNull(Rows.integer(row, "clusterCount"))));
		});
		return all.stream().takeWhile((stat) -> stat.programCount() >= minPrograms).toList();
	}

	/**
	 * Industries of a level whose clusters lie in at least some provinces, as
	 * {@code analysis/industry-spread} orders them.
	 * @param level an industry level
	 * @param minProvinces the fewest provinces, at least 1
	 * @return the industries
	 */
	public List<IndustrySpread> industrySpread(String level, int minProvinces) {
		List<IndustrySpread> all = kept("industrySpread", level,
				() -> rows("analysis/industry-spread", Map.of("level", level, "minProvinces", 1),
						(row) -> new IndustrySpread(Industry.of(Rows.map(row, "industry")),
								Objects.requireNonNull(Rows.integer(row, "provinceCount")),
								Objects.requireNonNull(Rows.maps(row, "provinces", Region::of)),
								Objects.requireNonNull(Rows.integer(row, "clusterCount")))));
		return all.stream().takeWhile((spread) -> spread.provinceCount() >= minProvinces).toList();
	}

	/**
	 * How every pair of programs overlaps, regions counted at a level.
	 * @param regionLevel a region level
	 * @return the pairs, by their keys
	 */
	public List<ProgramOverlap> programOverlap(String regionLevel) {
		return kept("programOverlap", regionLevel,
				() -> rows("analysis/program-overlap", Map.of("level", regionLevel),
						(row) -> new ProgramOverlap(Program.of(Rows.map(row, "a")), Program.of(Rows.map(row, "b")),
								Objects.requireNonNull(Rows.integer(row, "sharedClusters")),
								Objects.requireNonNull(Rows.integer(row, "sharedRegions")),
								((Number) Objects.requireNonNull(row.get("clusterJaccard"))).doubleValue())));
	}

	/**
	 * Whether an answer is kept for the graph's current version.
	 * @param query the query's field name
	 * @param level its level argument
	 * @return true when asking it reads no cluster
	 */
	boolean isKept(String query, String level) {
		String version = version();
		return version != null && this.kept.containsKey(Arrays.asList(version, query, level));
	}

	/**
	 * How many answers are kept, of every version.
	 * @return their number
	 */
	int keptAnswers() {
		return this.kept.size();
	}

	/** Forgets every kept answer. */
	void forgetAnswers() {
		this.kept.clear();
	}

	@SuppressWarnings("unchecked")
	private <T> List<T> kept(String query, String level, Supplier<List<T>> compute) {
		// the version is read first: an answer computed after a load committed may be
		// kept under the version before it, which no request asks for once the load is
		// read
		String version = version();
		if (version == null) {
			return compute.get();
		}
		List<Object> key = Arrays.asList(version, query, level);
		List<T> answer = (List<T>) this.kept.get(key);
		if (answer == null) {
			answer = List.copyOf(compute.get());
			this.kept.put(key, answer);
		}
		return answer;
	}

	/**
	 * The version of the graph served now.
	 * @return its fingerprint and load time; null before the first load
	 */
	@Nullable String version() {
		return GraphVersion.read(this.reads);
	}

	private <T> List<T> rows(String statement, Map<String, @Nullable Object> parameters,
			Function<Map<String, Object>, T> mapper) {
		return Rows.all(this.reads, statement, parameters, mapper);
	}

}
