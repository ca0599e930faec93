package org.clustergraph.analysis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
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
 * <p>
 * Another process's load (the loader as a job of its own, or another instance) switches
 * the graph under this one; every {@code clustergraph.analysis.recheck} a background
 * thread reads the graph's version and, when it changed, computes the answers again, so
 * that they are ready before a request's time limit would cut them short.
 */
@Component
@Order(1)
class AnalysisWarmup implements ApplicationRunner, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AnalysisWarmup.class);

	/** How long computing one answer ahead may take. */
	static final Duration AHEAD_TIMEOUT = Duration.ofMinutes(5);

	private final AnalysisAnswers answers;

	private final TransactionTemplate ahead;

	private final Duration recheck;

	private final ScheduledExecutorService rechecks = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "analysis-recheck");
		thread.setDaemon(true);
		return thread;
	});

	/** The version whose answers were last computed ahead. */
	private volatile @Nullable String computed;

	AnalysisWarmup(AnalysisAnswers answers, PlatformTransactionManager transactions,
			@Value("${clustergraph.analysis.recheck:10s}") Duration recheck) {
		this.answers = answers;
		this.ahead = new TransactionTemplate(transactions);
		this.ahead.setReadOnly(true);
		this.ahead.setTimeout((int) AHEAD_TIMEOUT.toSeconds());
		this.recheck = recheck;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption("exit")) {
			return;
		}
		computeAll("the graph loaded", this.answers.version());
		if (this.recheck.isPositive()) {
			this.rechecks.scheduleWithFixedDelay(this::recheck, this.recheck.toMillis(), this.recheck.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Computes the answers again when the graph's version is not the one they were last
	 * computed for: another process's load switched it.
	 */
	void recheck() {
		try {
			String version = this.answers.version();
			if (version != null && !version.equals(this.computed)) {
				computeAll("a graph another load switched to", version);
			}
		}
		catch (RuntimeException ex) {
			// the database may be restarting or unreachable: the next recheck tries again
			logger.warn("Could not read the graph's version to recompute the analysis answers: {}", ex.getMessage());
		}
	}

	/**
	 * Computes every answer ahead.
	 * @param what the graph, for the log
	 * @param version the graph's version, read before computing: a switch in between is
	 * found by the next recheck
	 */
	private synchronized void computeAll(String what, @Nullable String version) {
		long started = System.nanoTime();
		int before = this.answers.keptAnswers();
		AnalysisAnswers.REGION_LEVELS.forEach((level) -> compute("regionsInMultiplePrograms", level,
				(l) -> this.answers.regionsInMultiplePrograms(l, 1)));
		AnalysisAnswers.INDUSTRY_LEVELS
			.forEach((level) -> compute("industrySpread", level, (l) -> this.answers.industrySpread(l, 1)));
		AnalysisAnswers.REGION_LEVELS
			.forEach((level) -> compute("programOverlap", level, this.answers::programOverlap));
		this.computed = version;
		logger.info("Computed {} analysis answers for {} in {} ms", this.answers.keptAnswers() - before, what,
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

	@Override
	public void destroy() {
		this.rechecks.shutdownNow();
	}

}
