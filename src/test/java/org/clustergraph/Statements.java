package org.clustergraph;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.clustergraph.neo4j.Reads;
import org.slf4j.LoggerFactory;

/**
 * The statements the API reads while a request runs, by name, from the debug log of
 * {@link Reads}, through which every read of the API goes.
 */
public final class Statements {

	private Statements() {
	}

	/**
	 * The statements read while something runs.
	 * @param request what runs, such as a request
	 * @return their names under {@code cypher/}, in the order they were read
	 */
	public static List<String> readDuring(Runnable request) {
		Logger cypher = (Logger) LoggerFactory.getLogger(Reads.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Level level = cypher.getLevel();
		cypher.setLevel(Level.DEBUG);
		cypher.addAppender(appender);
		try {
			request.run();
		}
		finally {
			cypher.detachAppender(appender);
			cypher.setLevel(level);
		}
		return appender.list.stream()
			.filter((event) -> event.getLevel() == Level.DEBUG)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

}
