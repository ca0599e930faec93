package org.clustergraph.analysis;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Computes the analysis answers for the graph the startup load left, right after it (the
 * load's runner has order 0), at every level of each query: every minimum a client may
 * give is then served from them ({@link AnalysisAnswers}), so no user waits for a
 * statement over the whole graph. It runs before the service reports itself ready, as the
 * other application runners do. Each answer is computed in its own transaction, so one
 * that fails (it would fail for its first user too) leaves the others kept.
 */
@Component
@Order(1)
class AnalysisWarmup implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AnalysisWarmup.class);

	private final AnalysisAnswers answers;

	AnalysisWarmup(AnalysisAnswers answers) {
		this.answers = answers;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption("exit")) {
			return;
		}
		long started = System.nanoTime();
		int before = this.answers.keptAnswers();
		AnalysisAnswers.REGION_LEVELS.forEach((level) -> compute("regionsInMultiplePrograms", level,
				(l) -> this.answers.regionsInMultiplePrograms(l, 1)));
		AnalysisAnswers.INDUSTRY_LEVELS
			.forEach((level) -> compute("industrySpread", level, (l) -> this.answers.industrySpread(l, 1)));
		AnalysisAnswers.REGION_LEVELS
			.forEach((level) -> compute("programOverlap", level, this.answers::programOverlap));
		logger.info("Computed {} analysis answers in {} ms", this.answers.keptAnswers() - before,
				(System.nanoTime() - started) / 1_000_000);
	}

	private void compute(String query, String level, Consumer<String> answer) {
		try {
			answer.accept(level);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compute {}({}) ahead: {}", query, level, ex.getMessage());
		}
	}

}
