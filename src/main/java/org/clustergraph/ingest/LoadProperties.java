package org.clustergraph.ingest;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the graph is loaded.
 *
 * @param seedsDirectory a {@code seeds/} directory to read instead of the copy inside the
 * application; null to use the built-in one
 * @param reportFile where each load writes its resolution report
 * @param onStartup whether the application loads at startup when the graph is empty or
 * its inputs changed
 * @param batchSize how many clusters (with their listings and links) each transaction of
 * a load stages: what bounds the database's share of the heap during a load, whatever the
 * size of the inputs
 * @param claimStaleAfter how long a load may go without renewing its claim before another
 * load takes it for dead (killed) and starts over
 */
@ConfigurationProperties("clustergraph.load")
public record LoadProperties(@Nullable Path seedsDirectory, @DefaultValue("data/resolution-report.txt") Path reportFile,
		@DefaultValue("true") boolean onStartup, @DefaultValue("1000") int batchSize,
		@DefaultValue("10m") Duration claimStaleAfter) {

	public LoadProperties {
		if (batchSize < 1) {
			throw new IllegalArgumentException("clustergraph.load.batch-size must be at least 1, not " + batchSize);
		}
		if (claimStaleAfter.isNegative() || claimStaleAfter.isZero()) {
			throw new IllegalArgumentException(
					"clustergraph.load.claim-stale-after must be longer than zero, not " + claimStaleAfter);
		}
	}

}
