package org.clustergraph.ingest;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A load that may not write: another load holds the claim to stage the next graph, or
 * took it from this one. The graph served is left as it was.
 */
public class LoadRefusedException extends RuntimeException {

	private final @Nullable Instant staleAt;

	LoadRefusedException(String message, @Nullable Instant staleAt) {
		super(message);
		this.staleAt = staleAt;
	}

	/**
	 * When the claim that refused this load is taken for a dead load's unless its holder
	 * renews it first.
	 * @return that time, or null when the claim passed to another load, which renews it
	 */
	public @Nullable Instant staleAt() {
		return this.staleAt;
	}

}
