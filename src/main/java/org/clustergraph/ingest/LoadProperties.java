package org.clustergraph.ingest;

import java.nio.file.Path;

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
 */
@ConfigurationProperties("clustergraph.load")
public record LoadProperties(@Nullable Path seedsDirectory, @DefaultValue("data/resolution-report.txt") Path reportFile,
		@DefaultValue("true") boolean onStartup) {

}
