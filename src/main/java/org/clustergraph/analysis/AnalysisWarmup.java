package org.clustergraph.analysis;

import java.time.Duration;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the analysis answers for the graph the startup load left, right after it (the
 * load's runner has order 0), at every level of each query: every minimum a client may
 * give is then served from them ({@link AnalysisAnswers}), so no user waits for a
 * statement over the whole graph. It runs before the service reports itself ready, as the
 * other application runners do. Each answer is computed in its own transaction, so one
 * that fails (it would fail for its first user too) leaves the others kept. That
 * transaction may take {@link #AHEAD_TIMEOUT}, not the requests' timeout: no user waits
 * for it, and on a graph a thousand times the seeds one answer takes seconds.
 */
@Component
@Order(1)
class AnalysisWarmup implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AnalysisWarmup.class);

	/** How long computing one answer ahead may take. */
	static final Duration AHEAD_TIMEOUT = Duration.ofMinutes(5);

	private final AnalysisAnswers answers;

	private final TransactionTemplate ahead;

	AnalysisWarmup(AnalysisAnswers answers, PlatformTransactionManager transactions) {
		this.answers = answers;
		this.ahead = new TransactionTemplate(transactions);
		this.ahead.setReadOnly(true);
		this.ahead.setTimeout((int) AHEAD_TIMEOUT.toSeconds());
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
			this.ahead.executeWithoutResult((status) -> answer.accept(level));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compute {}({}) ahead: {}", query, level, ex.getMessage());
		}
	}

}
