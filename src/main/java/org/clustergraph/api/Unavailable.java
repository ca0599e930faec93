package org.clustergraph.api;

import graphql.ErrorClassification;

/**
 * The classification of an error that says the database could not be reached: the request
 * was well formed and may be sent again unchanged once the database is back.
 */
public enum Unavailable implements ErrorClassification {

	/** The database is unreachable or not accepting reads. */
	UNAVAILABLE

}
