package org.clustergraph.cluster;

import java.util.List;

import org.clustergraph.industry.Industry;

/**
 * How one industry of a cluster was decided: the {@code BELONGS_TO} relationship.
 *
 * @param industry the industry
 * @param confidence how far the classification can be trusted, 0 to 1
 * @param rule the rule that gave it ({@code keyword}, {@code standard-name},
 * {@code standard-note}, {@code part-of}, {@code head}, {@code nearest-text},
 * {@code override})
 * @param evidence what matched, in words a reviewer can check
 * @param sources the listings whose industry phrase denotes it
 */
public record Classification(Industry industry, double confidence, String rule, String evidence,
		List<Listing.Source> sources) {

	public Classification {
		sources = List.copyOf(sources);
	}

}
