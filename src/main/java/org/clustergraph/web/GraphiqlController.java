package org.clustergraph.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves GraphiQL at {@code /graphiql}: the page under {@code static/graphiql/} loads
 * GraphiQL and React from the application's WebJars, never from a CDN.
 */
@Controller
class GraphiqlController {

	@GetMapping({ "/graphiql", "/graphiql/" })
	String graphiql() {
		return "forward:/graphiql/index.html";
	}

}
