package org.clustergraph.ingest;

/**
 * A load that may not write: another load holds the claim to stage the next graph, or
 * took it from this one. The graph served is left as it was.
 */
public class LoadRefusedException extends RuntimeException {

	LoadRefusedException(String message) {
		super(message);
	}

}
