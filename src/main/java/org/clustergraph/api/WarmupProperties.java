package org.clustergraph.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service warms its request path before it reports itself ready
 * ({@code clustergraph.warmup.*}).
 *
 * @param duration how long the warm-up sends the requests of
 * {@code warmup/requests.graphql} to the service's own GraphQL endpoint after the startup
 * load; zero turns it off
 * @param clients how many requests the warm-up has in flight at once: one by default,
 * which leaves the other core of a small machine to the JIT compiler threads that the
 * warm-up gives work (BENCHMARKS.md, "Warm from the start")
 */
@ConfigurationProperties("clustergraph.warmup")
public record WarmupProperties(@DefaultValue("3s") Duration duration, @DefaultValue("1") int clients) {

	public WarmupProperties {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("clustergraph.warmup.duration must not be negative, but is " + duration);
		}
		if (clients < 1 || clients > 64) {
			throw new IllegalArgumentException("clustergraph.warmup.clients must be 1 to 64, but is " + clients);
		}
	}

}
