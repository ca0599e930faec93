package org.clustergraph.neo4j;

import java.util.stream.Stream;

import org.neo4j.procedure.Procedure;

/**
 * A procedure as an extension jar in the store's {@code plugins/} directory would bring
 * one: the embedded server must not load it.
 */
public class PluginProbe {

	/**
	 * A procedure nobody should be able to call.
	 * @return one row
	 */
	@Procedure("clustergraph.probe")
	public Stream<Output> probe() {
		return Stream.of(new Output());
	}

	/** The procedure's row. */
	public static class Output {

		/** Its only column. */
		public String value = "loaded";

	}

}
